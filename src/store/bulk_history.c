/*
 * bulk_history.c - the bulk path of the module history of generated data:
 * meetings, tasks and their milestones, written through the loader of
 * bulk_load.c (COPY on PostgreSQL) with the same columns that
 * meetings.c and tasks.c write row by row.
 */
#include "store/bulk.h"

static const char meeting_cols[] =
    "org_id, org_path, kind, held_at, held_on, counts_on, makeup_for, "
    "late, has_ft, place, topic, host, recorder, lecturer, agenda, "
    "minutes, ft_title, ft_source, ft_speech_date, ft_discussion, "
    "created_by, created_at, updated_at";

int xf_bulk_meetings_begin(xf_db *db, xf_loader **out)
{
	return xf_load_begin(db, "meetings", meeting_cols, 23,
	                     XF_LOAD_DROP_INDEXES, out);
}

int xf_bulk_meeting(xf_loader *l, const xf_meeting *m, int64_t now)
{
	xf_load_int(l, m->org_id);
	xf_load_str(l, m->org_path);
	xf_load_str(l, m->kind);
	xf_load_int(l, m->held_at);
	xf_load_str(l, m->held_on);
	xf_load_str(l, m->counts_on);
	xf_load_str(l, m->makeup_for);
	xf_load_int(l, m->late);
	xf_load_int(l, m->ft_title != NULL);
	xf_load_str(l, m->place);
	xf_load_str(l, m->topic);
	xf_load_str(l, m->host);
	xf_load_str(l, m->recorder);
	xf_load_str(l, m->lecturer);
	xf_load_str(l, m->agenda);
	xf_load_str(l, m->minutes);
	xf_load_str(l, m->ft_title);
	xf_load_str(l, m->ft_source);
	xf_load_str(l, m->ft_speech_date);
	xf_load_str(l, m->ft_discussion);
	xf_load_id(l, m->created_by);
	xf_load_int(l, now);
	xf_load_int(l, now);
	return xf_load_row(l);
}

static const char task_cols[] =
    "id, org_id, org_path, parent_id, root_id, plan_id, plan_item_id, "
    "year, title, description, owner, start_on, due_on, weight, reported, "
    "reported_percent, percent, started, late, done_on, due_next, "
    "own_next, child_count, created_by, created_at, updated_at";
static const char sql_task_last[] = "SELECT COALESCE(MAX(id), 0) FROM tasks";

int xf_bulk_tasks_begin(xf_db *db, xf_loader **out, int64_t *next_id)
{
	*out = NULL;
	int rc = xf_bulk_next_id(db, sql_task_last, next_id);
	return rc == XF_DB_OK ? xf_load_begin(db, "tasks", task_cols, 26,
	                                      XF_LOAD_DROP_INDEXES, out)
	                      : rc;
}

int xf_bulk_task(xf_loader *l, const xf_task *t, int64_t now)
{
	xf_load_int(l, t->id);
	xf_load_int(l, t->org_id);
	xf_load_str(l, t->org_path);
	xf_load_id(l, t->parent_id);
	xf_load_id(l, t->root_id);
	xf_load_id(l, t->plan_id);
	xf_load_id(l, t->plan_item_id);
	xf_load_int(l, t->year);
	xf_load_str(l, t->title);
	xf_load_str(l, t->description);
	xf_load_str(l, t->owner);
	xf_load_str(l, t->start_on);
	xf_load_str(l, t->due_on);
	xf_load_int(l, t->weight);
	xf_load_int(l, t->reported);
	xf_load_int(l, t->reported_percent);
	xf_load_int(l, t->percent);
	xf_load_int(l, t->started);
	xf_load_int(l, t->late);
	xf_load_str(l, t->done_on);
	xf_load_str(l, t->due_next);
	xf_load_str(l, t->own_next);
	xf_load_int(l, t->child_count);
	xf_load_id(l, t->created_by);
	xf_load_int(l, now);
	xf_load_int(l, now);
	return xf_load_row(l);
}

int xf_bulk_tasks_end(xf_db *db, xf_loader *l, int64_t last_id)
{
	int rc = xf_load_end(l, NULL);
	return rc == XF_DB_OK ? xf_load_ids_used(db, "tasks", last_id) : rc;
}

static const char milestone_cols[] =
    "task_id, org_path, seq, title, deliverable, due_on, done_on, weight, "
    "source_id, created_at, updated_at";

int xf_bulk_milestones_begin(xf_db *db, xf_loader **out)
{
	return xf_load_begin(db, "milestones", milestone_cols, 11,
	                     XF_LOAD_DROP_INDEXES, out);
}

int xf_bulk_milestone(xf_loader *l, const xf_milestone *m, int64_t now)
{
	xf_load_int(l, m->task_id);
	xf_load_str(l, m->org_path);
	xf_load_int(l, m->seq);
	xf_load_str(l, m->title);
	xf_load_str(l, m->deliverable);
	xf_load_str(l, m->due_on);
	xf_load_str(l, m->done_on);
	xf_load_int(l, m->weight);
	xf_load_id(l, m->source_id);
	xf_load_int(l, now);
	xf_load_int(l, now);
	return xf_load_row(l);
}
