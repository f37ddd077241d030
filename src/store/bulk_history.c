/*
 * bulk_history.c - the bulk path of the module history of generated data:
 * meetings, tasks and their milestones, written through the loader of
 * bulk_load.c (COPY on PostgreSQL) with the same columns and fields that
 * meetings.c and tasks.c write row by row (their XF_*_WRITE_SQL and
 * xf_*_write_cols).
 */
#include "store/bulk.h"

static const char meeting_cols[] =
    XF_MEETING_WRITE_SQL ", has_ft, created_by, created_at, updated_at";

int xf_bulk_meetings_begin(xf_db *db, xf_loader **out)
{
	return xf_load_begin(db, "meetings", meeting_cols,
	                     XF_MEETING_NWRITE + 4, XF_LOAD_DROP_INDEXES, out);
}

int xf_bulk_meeting(xf_loader *l, const xf_meeting *m, int64_t now)
{
	xf_load_cols(l, xf_meeting_write_cols, XF_MEETING_NWRITE, m);
	xf_load_int(l, m->ft_title != NULL);
	xf_load_id(l, m->created_by);
	return xf_load_row_at(l, now);
}

/* The rolled-up columns of a task, as the caller computed them. */
#define TASK_ROLL_SQL                                                          \
	"reported, reported_percent, percent, started, late, done_on, "        \
	"due_next, own_next, child_count"
static const xf_db_col task_roll_cols[] = {
    XF_COL(INT, xf_task, reported),    XF_COL(INT, xf_task, reported_percent),
    XF_COL(INT, xf_task, percent),     XF_COL(INT, xf_task, started),
    XF_COL(INT, xf_task, late),        XF_COL(STR, xf_task, done_on),
    XF_COL(STR, xf_task, due_next),    XF_COL(STR, xf_task, own_next),
    XF_COL(I64, xf_task, child_count),
};
static const char task_cols[] =
    "id, " XF_TASK_WRITE_SQL ", " TASK_ROLL_SQL ", created_at, updated_at";
static const char sql_task_last[] = "SELECT COALESCE(MAX(id), 0) FROM tasks";

int xf_bulk_tasks_begin(xf_db *db, xf_loader **out, int64_t *next_id)
{
	int ncols = 1 + XF_TASK_NWRITE + XF_NCOLS(task_roll_cols) + 2;
	return xf_load_begin_ids(db, "tasks", sql_task_last, task_cols, ncols,
	                         XF_LOAD_DROP_INDEXES, out, next_id);
}

int xf_bulk_task(xf_loader *l, const xf_task *t, int64_t now)
{
	xf_load_int(l, t->id);
	xf_load_cols(l, xf_task_write_cols, XF_TASK_NWRITE, t);
	xf_load_cols(l, task_roll_cols, XF_NCOLS(task_roll_cols), t);
	return xf_load_row_at(l, now);
}

int xf_bulk_tasks_end(xf_db *db, xf_loader *l, int64_t last_id)
{
	return xf_load_end_ids(db, l, "tasks", last_id);
}

static const char milestone_cols[] =
    XF_MILESTONE_WRITE_SQL ", created_at, updated_at";

int xf_bulk_milestones_begin(xf_db *db, xf_loader **out)
{
	return xf_load_begin(db, "milestones", milestone_cols,
	                     XF_MILESTONE_NWRITE + 2, XF_LOAD_DROP_INDEXES,
	                     out);
}

int xf_bulk_milestone(xf_loader *l, const xf_milestone *m, int64_t now)
{
	xf_load_cols(l, xf_milestone_write_cols, XF_MILESTONE_NWRITE, m);
	return xf_load_row_at(l, now);
}
