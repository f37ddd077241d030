/*
 * schema_v26.c - migration 26: the kept tallies of the 晒绩 board.
 * - task_tallies: per organization and year, over the year's tasks of
 *   that organization (not its subtree: the board ranks each
 *   organization on its own tasks): tasks, done, done on time
 *   (done_on <= due_on), accepted (年终考核验收), score_sum (of the
 *   acceptances), percent_sum, and the organization's path (rewritten by
 *   an org move with the other org_path columns, store/orgs.c) so that a
 *   board reads an index range of (year, org_path).
 * - task_open_days: what depends on the day the board is read. Overdue
 *   (open and due_next < today) and due (done, or due_on < today) cannot
 *   be kept as numbers, since they change at midnight without a write.
 *   So the open tasks are counted per (org, year, day): next_count those
 *   whose next due day is that day, due_count those whose own due day
 *   is. A board sums the rows before today of each organization; rows
 *   that fall to zero are deleted, so an organization has at most one
 *   row per distinct due day of its open tasks (a handful), and done
 *   tasks cost nothing. A tally whose tasks are all deleted is deleted
 *   too (no foreign key to orgs: an organization with no task left can
 *   be deleted; verify finds a stray row).
 * Both are kept by triggers in the writing transaction, whatever the
 * path (the API, imports, the demo city, the bulk loader, deletes):
 * a task contributes its row with sign -1 before a change and +1 after
 * (before a delete, while its acceptance is still there: the acceptance's
 * cascade delete then finds no task and changes nothing); an acceptance
 * adds to its task's row. `xianfeng tallies verify` checks them against
 * a recomputation (store/task_tallies.c). The migration fills both from
 * the rows there are.
 */
#include "store/schema.h"
#include "store/task_tallies.h"

/* The statements that add the task row R with sign S (text: "1", "-1",
 * or a plpgsql variable) to both tallies. */
#define TALLY_ADD(R, S)                                                        \
	"INSERT INTO task_tallies (org_id, year, org_path, tasks, done, "      \
	"on_time, accepted, score_sum, percent_sum) "                          \
	"SELECT " R ".org_id, " R ".year, " R ".org_path, " S ", " S           \
	" * (CASE WHEN " R ".done_on IS NOT NULL THEN 1 ELSE 0 END), " S       \
	" * (CASE WHEN " R ".done_on IS NOT NULL AND " R ".done_on <= " R      \
	".due_on THEN 1 ELSE 0 END), " S                                       \
	" * (SELECT COUNT(*) FROM task_acceptance x WHERE x.task_id = " R      \
	".id), " S " * COALESCE((SELECT x.score FROM task_acceptance x "       \
	"WHERE x.task_id = " R ".id), 0), " S " * " R ".percent WHERE 1 = 1 "  \
	"ON CONFLICT (org_id, year) DO UPDATE SET "                            \
	"tasks = task_tallies.tasks + excluded.tasks, "                        \
	"done = task_tallies.done + excluded.done, "                           \
	"on_time = task_tallies.on_time + excluded.on_time, "                  \
	"accepted = task_tallies.accepted + excluded.accepted, "               \
	"score_sum = task_tallies.score_sum + excluded.score_sum, "            \
	"percent_sum = task_tallies.percent_sum + excluded.percent_sum;"       \
	"INSERT INTO task_open_days (org_id, year, on_day, next_count, "       \
	"due_count) SELECT " R ".org_id, " R ".year, " R ".due_next, " S       \
	", 0 WHERE " R ".done_on IS NULL AND " R ".due_next IS NOT NULL "      \
	"ON CONFLICT (org_id, year, on_day) DO UPDATE SET "                    \
	"next_count = task_open_days.next_count + excluded.next_count;"        \
	"INSERT INTO task_open_days (org_id, year, on_day, next_count, "       \
	"due_count) SELECT " R ".org_id, " R ".year, " R ".due_on, 0, " S      \
	" WHERE " R ".done_on IS NULL "                                        \
	"ON CONFLICT (org_id, year, on_day) DO UPDATE SET "                    \
	"due_count = task_open_days.due_count + excluded.due_count;"           \
	"DELETE FROM task_open_days WHERE org_id = " R ".org_id AND year = " R \
	".year AND next_count = 0 AND due_count = 0;"                          \
	"DELETE FROM task_tallies WHERE org_id = " R ".org_id AND year = " R   \
	".year AND tasks = 0;"

/* Adds the acceptance row R with sign S to its task's tally. */
#define ACCEPTANCE_ADD(R, S)                                                   \
	"UPDATE task_tallies SET accepted = accepted + " S ", "                \
	"score_sum = score_sum + " S " * " R ".score "                         \
	"WHERE org_id = (SELECT t.org_id FROM tasks t WHERE t.id = " R         \
	".task_id) AND year = (SELECT t.year FROM tasks t WHERE t.id = " R     \
	".task_id);"

/* The task columns a tally reads: a write of others (reported, owner,
 * org_path on a move, ...) fires nothing. */
#define TASK_TALLY_COLS "org_id, year, done_on, due_on, due_next, percent"

/* SQLite: one trigger per event, the statements inline. */
// clang-format off
#define SQLITE_TRIGGERS                                                        \
	"CREATE TRIGGER task_tally_insert AFTER INSERT ON tasks BEGIN "        \
	    TALLY_ADD("NEW", "1") " END;"                                      \
	"CREATE TRIGGER task_tally_update AFTER UPDATE OF " TASK_TALLY_COLS    \
	    " ON tasks BEGIN " TALLY_ADD("OLD", "-1") TALLY_ADD("NEW", "1")   \
	    " END;"                                                            \
	"CREATE TRIGGER task_tally_delete BEFORE DELETE ON tasks BEGIN "       \
	    TALLY_ADD("OLD", "-1") " END;"                                     \
	"CREATE TRIGGER task_tally_acc_insert AFTER INSERT ON task_acceptance" \
	    " BEGIN " ACCEPTANCE_ADD("NEW", "1") " END;"                       \
	"CREATE TRIGGER task_tally_acc_update AFTER UPDATE OF task_id, score"  \
	    " ON task_acceptance BEGIN " ACCEPTANCE_ADD("OLD", "-1")           \
	    ACCEPTANCE_ADD("NEW", "1") " END;"                                 \
	"CREATE TRIGGER task_tally_acc_delete AFTER DELETE ON task_acceptance" \
	    " BEGIN " ACCEPTANCE_ADD("OLD", "-1") " END;"

/* PostgreSQL: plpgsql functions; the task's row goes to
 * task_tally_apply as a record of type tasks. The delete trigger runs
 * before the row goes (RETURN OLD lets it go). */
#define PG_TRIGGERS                                                            \
	"CREATE FUNCTION task_tally_apply(r tasks, s integer) RETURNS void "   \
	    "LANGUAGE plpgsql AS $$ BEGIN " TALLY_ADD("r", "s") " END $$;"     \
	"CREATE FUNCTION task_tally_task() RETURNS trigger LANGUAGE plpgsql "  \
	    "AS $$ BEGIN "                                                     \
	    "IF TG_OP <> 'INSERT' THEN PERFORM task_tally_apply(OLD, -1); "    \
	    "END IF; "                                                         \
	    "IF TG_OP <> 'DELETE' THEN PERFORM task_tally_apply(NEW, 1); "     \
	    "END IF; "                                                         \
	    "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NULL; END $$;"\
	"CREATE TRIGGER task_tally_write AFTER INSERT OR UPDATE OF "           \
	    TASK_TALLY_COLS " ON tasks FOR EACH ROW "                          \
	    "EXECUTE FUNCTION task_tally_task();"                              \
	"CREATE TRIGGER task_tally_delete BEFORE DELETE ON tasks "             \
	    "FOR EACH ROW EXECUTE FUNCTION task_tally_task();"                 \
	"CREATE FUNCTION task_tally_acceptance() RETURNS trigger "             \
	    "LANGUAGE plpgsql AS $$ BEGIN "                                    \
	    "IF TG_OP <> 'INSERT' THEN " ACCEPTANCE_ADD("OLD", "-1")           \
	    " END IF; "                                                        \
	    "IF TG_OP <> 'DELETE' THEN " ACCEPTANCE_ADD("NEW", "1")            \
	    " END IF; "                                                        \
	    "RETURN NULL; END $$;"                                             \
	"CREATE TRIGGER task_tally_acceptance AFTER INSERT OR DELETE OR "      \
	    "UPDATE OF task_id, score ON task_acceptance FOR EACH ROW "        \
	    "EXECUTE FUNCTION task_tally_acceptance();"
// clang-format on

const char xf_schema_v26[] =
    "CREATE TABLE task_tallies ("
    " org_id BIGINT NOT NULL,"
    " year INTEGER NOT NULL,"
    " org_path TEXT{C} NOT NULL,"
    " tasks BIGINT NOT NULL, done BIGINT NOT NULL, on_time BIGINT NOT NULL,"
    " accepted BIGINT NOT NULL, score_sum BIGINT NOT NULL,"
    " percent_sum BIGINT NOT NULL,"
    " PRIMARY KEY (org_id, year));"
    "CREATE INDEX task_tallies_year_path ON task_tallies(year, org_path);"
    "CREATE TABLE task_open_days ("
    " org_id BIGINT NOT NULL,"
    " year INTEGER NOT NULL,"
    " on_day TEXT NOT NULL,"
    " next_count INTEGER NOT NULL, due_count INTEGER NOT NULL,"
    " PRIMARY KEY (org_id, year, on_day));" XF_TASK_TALLIES_FILL_SQL
    ";" XF_TASK_OPEN_DAYS_FILL_SQL ";"
    "{SQ}" SQLITE_TRIGGERS "{/SQ}"
    "{PG}" PG_TRIGGERS "{/PG}";
