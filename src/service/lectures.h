/*
 * lectures.h (service) - the lecture library (党课库): lectures given in
 * an organization (思政课, 微党课, Talk秀, …), kept by whoever manages
 * that organization (its secretary, a committee above, the admin), read
 * within the caller's scope; slides and videos as attachments (subject
 * "lecture"). No view counts or study time, by design.
 *
 * Returns XF_OK or an error kind with c->err filled; results live in c->a.
 */
#ifndef XF_SERVICE_LECTURES_H
#define XF_SERVICE_LECTURES_H

#include "service/attachments.h"
#include "service/ctx.h"
#include "store/cases.h"
#include "store/lectures.h"

/* A lecture's slides and videos: 20 files each; added by whoever may
 * change the lecture, read by whoever may read it. */
extern const xf_attachment_subject xf_lecture_files;

/* A new lecture, or a change (has_* for the fields given). */
typedef struct xf_lecture_input {
	int64_t org_id;
	const char *title, *speaker, *given_on, *kind, *summary;
	int has_title, has_speaker, has_given_on, has_kind, has_summary;
} xf_lecture_input;

int xf_lecture_create(xf_ctx *c, const xf_lecture_input *in, xf_lecture *out);
int xf_lecture_update(xf_ctx *c, int64_t id, const xf_lecture_input *in,
                      xf_lecture *out);
/* Deletes the lecture with its attachments. */
int xf_lecture_remove(xf_ctx *c, int64_t id);
int xf_lecture_read(xf_ctx *c, int64_t id, xf_lecture *out);
/* Lectures of org_id's subtree (0: the caller's scope) matching f (its
 * ranges are ignored: the scope's are used); paged, the latest first. */
int xf_lecture_list(xf_ctx *c, int64_t org_id, const xf_lecture_filter *f,
                    int offset, int limit, xf_lecture **out, int *n,
                    int64_t *total);

/*
 * Nominates a lecture into a case-selection call (案例征集, service/cases.h)
 * for the selection of the year's best: a submission of the lecture's
 * organization, titled as the lecture, its summary "类型 · 授课人 · 日期",
 * its text the lecture's summary. The call's rules apply (its scope, open
 * for submissions, written by whoever manages the organization); out is
 * the submission. The submission keeps no reference to the lecture.
 */
int xf_lecture_nominate(xf_ctx *c, int64_t id, int64_t call_id,
                        xf_case_submission *out);

#endif
