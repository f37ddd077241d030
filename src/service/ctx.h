/*
 * ctx.h - what every use case receives: the connection of this thread, the
 * request arena, the caller's scope and the clock; and the error it reports.
 *
 * Error kinds are the classes of failure the API answers with; the API maps
 * them to HTTP statuses. Messages are Chinese, for the user.
 */
#ifndef XF_SERVICE_CTX_H
#define XF_SERVICE_CTX_H

#include "base/arena.h"
#include "domain/scope.h"
#include "model/member.h"
#include "model/org.h"
#include "store/db.h"

#include <stdint.h>

/* The kinds of failure (c->err.kind); XF_OK, 0, is none. The API alone
 * knows which HTTP status answers each (xf_api_status). */
enum {
	XF_OK = 0,
	XF_E_INVALID,      /* the input breaks a rule */
	XF_E_NOT_FOUND,    /* missing, or out of the caller's read scope */
	XF_E_FORBIDDEN,    /* beyond the caller's rights */
	XF_E_CONFLICT,     /* at odds with what is stored */
	XF_E_UNAUTHORIZED, /* no valid session or credentials */
	XF_E_THROTTLED,    /* too many attempts */
	XF_E_BUSY,         /* the database is busy: try again */
	XF_E_INTERNAL,     /* anything else */
};

typedef struct xf_ctx {
	xf_db *db;
	xf_arena *a;
	const xf_scope *scope; /* NULL for the command line (full rights) */
	int64_t user_id;
	const char *username;
	int64_t now; /* unix seconds */
	/* the request's client address and user agent (NULL outside a
	 * request): kept with the sessions it opens */
	const char *client_addr, *user_agent;
	int tx_rows; /* set by XF_TOTALS_TX: its transactions begin so */
	struct xf_live_note *live; /* changes to publish after the commit
	                              (service/live.h), in a */
	/* what the open write transaction changed, for the answers kept
	 * from before it (live.c, base/changes.h): the organization paths
	 * of its audited records (in a), or changed_all when one is not
	 * known to be confined to its organization's path */
	struct xf_live_note *changed;
	int changed_all;
	struct {
		int kind;
		const char *code, *message, *field;
	} err;
} xf_ctx;

/*
 * Sets the database every thread connects to (once, at start) and returns
 * this thread's connection, opening it on first use. The connection is
 * closed when the thread exits.
 */
int xf_svc_init(const char *db_url);
xf_db *xf_svc_db(void);

/* Fills a context for a request. */
void xf_ctx_init(xf_ctx *c, xf_db *db, xf_arena *a, const xf_scope *scope,
                 const char *username);

/* Records an error and returns its kind. */
int xf_fail(xf_ctx *c, int kind, const char *code, const char *message,
            const char *field);
/* The common failures, as xf_fail: an invalid field (invalid_field), a
 * refused write (forbidden) and an exhausted arena (internal). */
int xf_invalid(xf_ctx *c, const char *message, const char *field);
int xf_forbidden(xf_ctx *c, const char *message);
int xf_oom(xf_ctx *c);
/* Today (c->now) as YYYY-MM-DD, in c->a. */
const char *xf_today(xf_ctx *c);
/* Maps a store error (XF_DB_*) to a context error and returns its kind. */
int xf_fail_db(xf_ctx *c, int db_rc);
/* XF_OK when a store call answered XF_DB_OK, else as xf_fail_db. */
int xf_from_db(xf_ctx *c, int db_rc);

/*
 * Runs `call` (an expression returning XF_OK or an error kind) in a read
 * transaction: one snapshot for all its statements, rolled back after
 * the call, which writes nothing. The result is left in rcvar.
 */
#define XF_READ_TX(c, rcvar, call)                                             \
	do {                                                                   \
		rcvar = xf_tx_read(c);                                         \
		if (rcvar == XF_OK) {                                          \
			rcvar = (call);                                        \
			xf_db_rollback((c)->db);                               \
		}                                                              \
	} while (0)

/*
 * Runs `call` (an expression returning XF_OK or an error kind) in a write
 * transaction, committing on XF_OK; retried a few times when the database
 * reports a conflict (PostgreSQL serializable isolation, SQLite busy).
 * The result is left in rcvar.
 */
#define XF_TX_TRIES     12
#define XF_TX_BUDGET_MS 2000
#define XF_WRITE_TX(c, rcvar, call)                                            \
	for (int64_t xf_t0_ = xf_tx_clock_ms(), xf_try_ = 0;                   \
	     xf_try_ < XF_TX_TRIES; xf_try_++) {                               \
		rcvar = xf_tx_begin(c);                                        \
		if (rcvar == XF_OK)                                            \
			rcvar = xf_tx_end(c, (call));                          \
		if (rcvar != XF_E_BUSY || xf_try_ == XF_TX_TRIES - 1 ||        \
		    !xf_tx_backoff(c, (int)xf_try_, xf_t0_))                   \
			break; /* the last failure keeps its error */          \
	}

/*
 * The whole body of a use case that only runs `call` in a read (write)
 * transaction: runs it as XF_READ_TX (XF_WRITE_TX) and returns its result.
 */
#define XF_RETURN_TX_(tx, c, call)                                             \
	do {                                                                   \
		int xf_rc_;                                                    \
		tx(c, xf_rc_, call);                                           \
		return xf_rc_;                                                 \
	} while (0)
#define XF_RETURN_READ_TX(c, call)  XF_RETURN_TX_(XF_READ_TX, c, call)
#define XF_RETURN_WRITE_TX(c, call) XF_RETURN_TX_(XF_WRITE_TX, c, call)

/* The merge step of a partial update: copies field f of the input into the
 * record when the input has it (in->has_f). */
#define XF_TAKE(rec, in, f)                                                    \
	do {                                                                   \
		if ((in)->has_##f)                                             \
			(rec)->f = (in)->f;                                    \
	} while (0)

/* A record of organization o (an xf_org): its org_id, org_path and
 * org_name. */
#define XF_SET_ORG(rec, o)                                                     \
	do {                                                                   \
		(rec)->org_id = (o).id;                                        \
		(rec)->org_path = (o).path;                                    \
		(rec)->org_name = (o).name;                                    \
	} while (0)

/* A record about member m (an xf_member): its member_id, member_name
 * and the member's org_id, org_path and org_name. */
#define XF_SET_MEMBER(rec, m)                                                  \
	do {                                                                   \
		(rec)->member_id = (m).id;                                     \
		(rec)->member_name = (m).name;                                 \
		(rec)->org_id = (m).org_id;                                    \
		(rec)->org_path = (m).org_path;                                \
		(rec)->org_name = (m).org_name;                                \
	} while (0)

/*
 * The same, for writes of point entries, which update kept totals that
 * many writers share (an organization's, a member's year):
 * - Writers with the same key (the org whose totals change, read before
 *   the transaction; 0: none) queue in this process on one of a fixed
 *   set of mutexes, taken before the transaction begins and released
 *   after its last try, instead of conflicting in the database and
 *   retrying in turn. A stale key costs only the queueing.
 * - The transaction begins with xf_db_begin_rows: on PostgreSQL,
 *   conflicts are then those on rows both write (first updater wins), not
 *   SERIALIZABLE's predicate locks, whose index-page granularity fails
 *   writers of unrelated members under load. That is safe only because
 *   such a write updates a row for everything its checks read: the
 *   member's (or org's) kept totals of the year for caps, floors and
 *   vetoes, the claim's row for its status, the reversed entry's
 *   reversal (unique); two writers whose checks could interfere meet on
 *   one of those rows and one is retried. A new write of this kind must
 *   keep that property.
 */
#define XF_TOTALS_TX(c, key, rcvar, call)                                      \
	do {                                                                   \
		void *xf_key_ = xf_tx_key_lock(key);                           \
		(c)->tx_rows = 1;                                              \
		XF_WRITE_TX(c, rcvar, call);                                   \
		(c)->tx_rows = 0;                                              \
		xf_tx_key_unlock(xf_key_);                                     \
	} while (0)
/* Takes the mutex of key; returns what xf_tx_key_unlock takes (NULL for
 * key 0). */
void *xf_tx_key_lock(int64_t key);
void xf_tx_key_unlock(void *lock);

/* Monotonic milliseconds. */
int64_t xf_tx_clock_ms(void);
/*
 * Before a retry: returns 0 (no retry) once XF_TX_BUDGET_MS have passed
 * since t0_ms (a SQLite lock held by another process has then already
 * been waited for, busy_timeout, and a retry would only wait again);
 * else sleeps a random while up to a bound growing with the attempt (2 ms,
 * then 4, 10, 20, ... ~200 ms), so that writers that conflicted do not meet
 * again in step, clears the error and returns 1.
 */
int xf_tx_backoff(xf_ctx *c, int attempt, int64_t t0_ms);
int xf_tx_begin(xf_ctx *c);
int xf_tx_read(xf_ctx *c);
/* Commits when rc is XF_OK, else rolls back; returns the final result. */
int xf_tx_end(xf_ctx *c, int rc);

/* Appends an audit row in the current transaction. action and entity are
 * codes of xf_audit_actions and xf_audit_entities (domain/audit.h). */
int xf_audit(xf_ctx *c, const char *action, const char *entity,
             int64_t entity_id, const char *org_path, const char *before,
             const char *after);
/* The end of a write: a store failure (db_rc other than XF_DB_OK) as
 * xf_fail_db, else the audit row of xf_audit. */
int xf_audit_db(xf_ctx *c, int db_rc, const char *action, const char *entity,
                int64_t entity_id, const char *org_path, const char *before,
                const char *after);
/* The end of a write that read its record again: found is that read's
 * answer (XF_DB_ROW; a record gone meanwhile is an internal error) or the
 * write's failure, as xf_fail_db; else the audit row of xf_audit. */
int xf_audit_found(xf_ctx *c, int found, const char *action, const char *entity,
                   int64_t entity_id, const char *org_path, const char *before,
                   const char *after);

/* Caller rights (the command line, with scope NULL, may do anything). */
int xf_can_read(const xf_ctx *c, const char *path);
int xf_can_write(const xf_ctx *c, const char *path);
int xf_is_admin(const xf_ctx *c);

/* What a use case does with a record it loads by id. */
enum { XF_FOR_READ = 0, XF_FOR_WRITE = 1 };
/* How the answers about a kind of record read. */
typedef struct xf_record {
	const char *missing;   /* 404 message: "组织不存在" */
	const char *forbidden; /* 403 message, for writes */
	const char *field;     /* the input field that names it, or NULL */
} xf_record;
/*
 * The answer to a record loaded by id to read it (XF_FOR_READ) or to
 * change it (XF_FOR_WRITE), decided in one place. found is the store's
 * answer (XF_DB_ROW, XF_DB_DONE or an error), path the organization path
 * of the record, read only when found is XF_DB_ROW. A missing record,
 * or one out of the caller's read scope when reading, is not found
 * (404); one out of the caller's write scope when changing it is
 * forbidden (403), readable or not. Returns XF_OK or the error recorded
 * in c.
 */
int xf_loaded(xf_ctx *c, int found, const char *path, int mode,
              const xf_record *r);

/* Loads the organization id that an input field names: XF_OK, or 422
 * missing ("组织不存在") at field when there is none, or a store failure.
 * The caller then checks its rights over o->path. */
int xf_org_named(xf_ctx *c, int64_t id, const char *missing, const char *field,
                 xf_org *o);
/* The organization that the input field org_id names, one the caller may
 * read: as xf_org_named, with 422 "组织不存在" at "org_id" also when it is
 * out of the caller's read scope. */
int xf_org_readable(xf_ctx *c, int64_t id, xf_org *o);
/* The organization that the input field org_id names, for a record the
 * caller writes there: as xf_org_named (missing at "org_id"), then 403
 * forbidden at "org_id" when the caller may not write under its path. */
int xf_org_for_write(xf_ctx *c, int64_t id, const char *missing,
                     const char *forbidden, xf_org *o);
/* The same for a record only a committee over the organization (or an
 * admin) may start there (xf_committee_over, not strictly): 403 forbidden
 * at "org_id" for anyone else. */
int xf_org_for_committee(xf_ctx *c, int64_t id, const char *missing,
                         const char *forbidden, xf_org *o);
/* The member that the input field member_id names, one the caller may
 * read: XF_OK, or 422 "党员不存在" at member_id when there is none or it
 * is out of the caller's read scope, or a store failure. m is zeroed
 * first; what it points to lives in c->a. */
int xf_member_named(xf_ctx *c, int64_t id, xf_member *m);
/* As xf_member_named, then 403 forbidden at member_id when the caller may
 * not write under the member's organization. */
int xf_member_for_write(xf_ctx *c, int64_t id, const char *forbidden,
                        xf_member *m);

/* The subtrees a list is limited to: everything ("/" to "0") for admin,
 * else the union of the caller's readable grants (nested ones merged, the
 * widest XF_RANGES kept). Returns the number of ranges (0: none). */
int xf_list_ranges(xf_ctx *c, xf_ranges *out);
/*
 * The ranges a list covers, in the current transaction: the subtree of
 * org_id, an organization the caller may read (else 404 "组织不存在" at
 * field), or without org_id the caller's readable subtrees
 * (xf_list_ranges). r->n is 0 when nothing is in scope.
 */
int xf_list_scope(xf_ctx *c, int64_t org_id, const char *field, xf_ranges *r);
/* 1 if the caller is admin or holds a committee grant over path (strictly:
 * over an org above path, not path itself). */
int xf_committee_over(const xf_ctx *c, const char *path, int strictly);
/* The caller's committee grant with the widest subtree, or NULL. */
const xf_grant *xf_committee_grant(const xf_ctx *c);
/* The range of a given subtree path, arena-allocated. */
int xf_subtree_range(xf_ctx *c, const char *path, const char **lo,
                     const char **hi);

#endif
