/*
 * point_records.h (service) - points written from records (自动记分): a
 * rule of the rulebook may name a kind of record (attendance at a meeting
 * of a kind, a meeting held, 第一议题 studied, a task's milestone done on
 * time, duty evidence recorded; domain/points.h). When such a record is
 * written, corrected or deleted, its write path calls one function here,
 * inside its own write transaction, and the ledger is made to agree with
 * the record: entries the record now calls for are written (caps, floors
 * and vetoes as for any entry; source "record", record_ref naming the
 * part of the record), entries it no longer calls for are reversed.
 *
 * Idempotent: calling again with nothing changed writes nothing. The
 * record as a whole is the entries' record_group ("meeting:42",
 * "task:7", "duty_holder:9"); the parts are record_refs:
 *   meeting_held        "meeting:ID"               (org)
 *   first_topic         "first_topic:ID"           (org)
 *                       "first_topic:ID:MEMBER"    (member present)
 *   meeting_attendance  "attendance:ID:MEMBER"     (member present/late)
 *   milestone_on_time   "milestone:ID"             (the task's org)
 *   duty_evidence_...   "duty_evidence:ID"         (the post holder)
 *
 * No scope check here: the write path has checked the caller's right to
 * write the record, and that right carries the record's points. Returns
 * XF_OK or an error kind with c->err filled (409 "vetoed" when an entry
 * to reverse falls in a vetoed year); allocations in c->a.
 */
#ifndef XF_SERVICE_POINT_RECORDS_H
#define XF_SERVICE_POINT_RECORDS_H

#include "model/task.h"
#include "service/ctx.h"

/* One fact a record states, for one subject. Strings borrowed. */
typedef struct xf_point_fact {
	const char *kind;      /* a code of xf_point_record_kinds */
	const char *qualifier; /* a meeting kind, or NULL */
	int64_t member_id;     /* the member scored, or 0: the org */
	int64_t org_id;        /* the member's org now, or the org scored */
	const char *org_path;
	const char *ref;         /* the part of the record */
	const char *occurred_on; /* YYYY-MM-DD, not after today */
	const char *reason;      /* Chinese, shown in the ledger */
} xf_point_fact;

/*
 * Makes the entries of group agree with facts (n of them, none when the
 * record is gone): reverses the group's entries no fact calls for any
 * more, then writes those missing, for every rule in force on each fact's
 * day that names its kind (and qualifier) and applies to its org. A
 * member whose year is vetoed gets no new entry.
 */
int xf_point_records_sync(xf_ctx *c, const char *group,
                          const xf_point_fact *facts, int n);

/* The facts of one record, read as it is now in the transaction, then
 * synced: a meeting with its 第一议题 and attendance; the milestones ms
 * (nms) of task task_id of org (org_id, org_path), none when the task is
 * gone; the duty evidence of one post holder (assignment). */
int xf_point_records_of_meeting(xf_ctx *c, int64_t meeting_id);
int xf_point_records_of_task(xf_ctx *c, int64_t task_id, int64_t org_id,
                             const char *org_path, const xf_milestone *ms,
                             int nms);
int xf_point_records_of_duty_holder(xf_ctx *c, int64_t assignment_id);

#endif
