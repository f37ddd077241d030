/*
 * schema_v25.c - migration 25: the lecture library (党课库).
 * - lectures: a lecture given in an organization (title, speaker, day,
 *   kind, summary); its slides and videos are attachments of subject
 *   "lecture" (schema v11).
 * - campaigns: special campaigns (专项行动) of a committee, with the
 *   city campaign a district's runs under (parent_id, 市县联动);
 *   campaign_items (the 亮/比 items), campaign_participants (the
 *   organizations taking part), campaign_reports (one report of an item
 *   by a participant, rated 1-5 by the committee); report evidence is
 *   attachments of subject "campaign_report".
 */
#include "store/schema.h"

const char xf_schema_v25[] =
    "CREATE TABLE lectures ("
    " id {ID},"
    " org_id BIGINT NOT NULL REFERENCES orgs(id),"
    " org_path TEXT{C} NOT NULL,"
    " title TEXT NOT NULL,"
    " speaker TEXT NOT NULL,"
    " given_on TEXT NOT NULL,"
    " kind TEXT NOT NULL,"
    " summary TEXT,"
    " created_by BIGINT,"
    " created_at BIGINT NOT NULL,"
    " updated_at BIGINT NOT NULL);"
    "CREATE INDEX lectures_path ON lectures(org_path, given_on);"
    "CREATE TABLE campaigns ("
    " id {ID},"
    " org_id BIGINT NOT NULL REFERENCES orgs(id),"
    " org_path TEXT{C} NOT NULL,"
    " parent_id BIGINT REFERENCES campaigns(id),"
    " title TEXT NOT NULL,"
    " goals TEXT NOT NULL,"
    " starts_on TEXT NOT NULL,"
    " ends_on TEXT NOT NULL,"
    " status TEXT NOT NULL,"
    " summary TEXT,"
    " closed_at BIGINT,"
    " created_by BIGINT,"
    " created_at BIGINT NOT NULL,"
    " updated_at BIGINT NOT NULL);"
    "CREATE INDEX campaigns_path ON campaigns(org_path, id);"
    "CREATE INDEX campaigns_parent ON campaigns(parent_id);"
    "CREATE TABLE campaign_items ("
    " id {ID},"
    " campaign_id BIGINT NOT NULL REFERENCES campaigns(id),"
    " pos INTEGER NOT NULL,"
    " title TEXT NOT NULL,"
    " kind TEXT NOT NULL,"
    " description TEXT);"
    "CREATE INDEX campaign_items_campaign ON campaign_items(campaign_id, pos);"
    "CREATE TABLE campaign_participants ("
    " campaign_id BIGINT NOT NULL REFERENCES campaigns(id),"
    " org_id BIGINT NOT NULL REFERENCES orgs(id),"
    " org_path TEXT{C} NOT NULL,"
    " PRIMARY KEY (campaign_id, org_id));"
    "CREATE INDEX campaign_participants_path ON"
    " campaign_participants(org_path);"
    "CREATE TABLE campaign_reports ("
    " id {ID},"
    " campaign_id BIGINT NOT NULL REFERENCES campaigns(id),"
    " item_id BIGINT NOT NULL REFERENCES campaign_items(id),"
    " org_id BIGINT NOT NULL REFERENCES orgs(id),"
    " org_path TEXT{C} NOT NULL,"
    " text TEXT NOT NULL,"
    " rating INTEGER,"
    " rated_by BIGINT,"
    " rated_at BIGINT,"
    " reported_by BIGINT,"
    " reported_at BIGINT NOT NULL,"
    " UNIQUE (campaign_id, item_id, org_id));";
