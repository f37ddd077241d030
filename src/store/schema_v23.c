/*
 * schema_v23.c - migration 23: clusters that work (片区) and joint
 * projects (党建联建项目 / 党建共同体).
 * - cluster_leads: the lead organization of a cluster, year by year.
 * - central_work_tags: the city's central work (一号工程 …), a list the
 *   admin keeps; a few to start with.
 * - joint_projects: a project led by one organization (org_path for the
 *   scope), in a cluster or none, for a year, with its goals, status and
 *   outcomes; task_id is the task on the chart (挂图作战) whose
 *   milestones and progress reports carry the project's progress.
 * - joint_project_orgs: its partner organizations (their paths for the
 *   scope: partners read the project); joint_project_tags: its tags.
 * - joint_project_reviews: one review (grade, notes) per project and year.
 */
#include "store/schema.h"

const char xf_schema_v23[] =
    "CREATE TABLE cluster_leads ("
    " cluster_id BIGINT NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,"
    " year INTEGER NOT NULL,"
    " org_id BIGINT NOT NULL REFERENCES orgs(id),"
    " set_by BIGINT,"
    " set_at BIGINT NOT NULL,"
    " PRIMARY KEY (cluster_id, year));"
    "CREATE TABLE central_work_tags ("
    " id {ID},"
    " name TEXT NOT NULL UNIQUE,"
    " sort INTEGER NOT NULL DEFAULT 0,"
    " created_at BIGINT NOT NULL);"
    "INSERT INTO central_work_tags (name, sort, created_at) VALUES"
    " ('一号工程', 1, 0), ('营商环境优化提升', 2, 0),"
    " ('共同富裕', 3, 0), ('基层治理', 4, 0), ('民生实事', 5, 0);"
    "CREATE TABLE joint_projects ("
    " id {ID},"
    " title TEXT NOT NULL,"
    " org_id BIGINT NOT NULL REFERENCES orgs(id),"
    " org_path TEXT{C} NOT NULL,"
    " cluster_id BIGINT REFERENCES clusters(id),"
    " year INTEGER NOT NULL,"
    " goals TEXT NOT NULL DEFAULT '',"
    " outcomes TEXT NOT NULL DEFAULT '',"
    " status TEXT NOT NULL,"
    " task_id BIGINT REFERENCES tasks(id) ON DELETE SET NULL,"
    " created_by BIGINT,"
    " created_at BIGINT NOT NULL,"
    " updated_at BIGINT NOT NULL);"
    "CREATE INDEX joint_projects_path ON joint_projects(org_path);"
    "CREATE INDEX joint_projects_cluster ON joint_projects(cluster_id);"
    "CREATE TABLE joint_project_orgs ("
    " project_id BIGINT NOT NULL REFERENCES joint_projects(id)"
    " ON DELETE CASCADE,"
    " org_id BIGINT NOT NULL REFERENCES orgs(id),"
    " org_path TEXT{C} NOT NULL,"
    " PRIMARY KEY (project_id, org_id));"
    "CREATE INDEX joint_project_orgs_path ON joint_project_orgs(org_path);"
    "CREATE INDEX joint_project_orgs_org ON joint_project_orgs(org_id);"
    "CREATE TABLE joint_project_tags ("
    " project_id BIGINT NOT NULL REFERENCES joint_projects(id)"
    " ON DELETE CASCADE,"
    " tag_id BIGINT NOT NULL REFERENCES central_work_tags(id),"
    " PRIMARY KEY (project_id, tag_id));"
    "CREATE INDEX joint_project_tags_tag ON joint_project_tags(tag_id);"
    "CREATE TABLE joint_project_reviews ("
    " project_id BIGINT NOT NULL REFERENCES joint_projects(id)"
    " ON DELETE CASCADE,"
    " year INTEGER NOT NULL,"
    " grade TEXT NOT NULL,"
    " notes TEXT,"
    " reviewed_by BIGINT,"
    " reviewed_at BIGINT NOT NULL,"
    " PRIMARY KEY (project_id, year));";
