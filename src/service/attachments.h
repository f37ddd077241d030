/*
 * attachments.h (service) - attachments of records: a meeting's photos
 * and scans, an honor's certificate, ...; stored once per content
 * (SHA-256) in the database. A kind of record that takes attachments is
 * an xf_attachment_subject, defined by its own module (meetings here,
 * honors in honors.h): the code stored with the rows, how many one record
 * may have, and how to load the record for its scope.
 *
 * The caller (src/api) has checked the name and the type against the
 * bytes (domain/files.h). Reads out of the caller's scope answer 404,
 * writes 403; uploads and deletions are audited (entity `attachment`).
 * Returns XF_OK or an error kind with c->err filled; results live in c->a.
 */
#ifndef XF_SERVICE_ATTACHMENTS_H
#define XF_SERVICE_ATTACHMENTS_H

#include "service/ctx.h"
#include "store/attachments.h"

typedef struct xf_attachment_subject {
	const char *code;     /* stored in attachments.subject: "meeting" */
	int max;              /* most attachments one record may have */
	const char *too_many; /* the 409 message past max */
	/* Loads record id to read its attachments (XF_FOR_READ) or to add
	 * one (XF_FOR_WRITE), as xf_loaded; sets its organization. */
	int (*load)(xf_ctx *c, int64_t id, int mode, int64_t *org_id,
	            const char **org_path);
	/* Instead of load, a record kind loaded as xf_crud_subject does. */
	const struct xf_crud *crud;
} xf_attachment_subject;

/* Meetings: 100 files each; written by whoever may change the meeting. */
extern const xf_attachment_subject xf_meeting_files;

/*
 * Attaches data[0..len) named `name` of media type `type` to record id of
 * subject s. *deduplicated is 1 when the same content was stored already
 * (it is then not stored again).
 */
int xf_attachment_add(xf_ctx *c, const xf_attachment_subject *s, int64_t id,
                      const char *name, const char *type, const void *data,
                      size_t len, xf_attachment *out, int *deduplicated);
/* The attachments of a record (404 when it is not readable). */
int xf_attachment_list(xf_ctx *c, const xf_attachment_subject *s, int64_t id,
                       xf_attachment **out, int *n);
/* An attachment with its bytes (copied into c->a). */
int xf_attachment_read(xf_ctx *c, int64_t id, xf_attachment *out,
                       const void **data, size_t *len);
/* Deletes an attachment, and its blob when nothing else uses it. */
int xf_attachment_remove(xf_ctx *c, int64_t id);

#endif
