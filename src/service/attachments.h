/*
 * attachments.h (service) - attachments of meetings: photos, scans and
 * documents, stored once per content (SHA-256) in the database.
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

/* Most attachments one meeting may have. */
#define XF_ATTACHMENTS_PER_MEETING 100

/*
 * Attaches data[0..len) named `name` of media type `type` to a meeting.
 * *deduplicated is 1 when the same content was stored already (it is then
 * not stored again).
 */
int xf_attachment_add(xf_ctx *c, int64_t meeting_id, const char *name,
                      const char *type, const void *data, size_t len,
                      xf_attachment *out, int *deduplicated);
/* The attachments of a meeting (404 when it is not readable). */
int xf_attachment_list(xf_ctx *c, int64_t meeting_id, xf_attachment **out,
                       int *n);
/* An attachment with its bytes (copied into c->a). */
int xf_attachment_read(xf_ctx *c, int64_t id, xf_attachment *out,
                       const void **data, size_t *len);
/* Deletes an attachment, and its blob when nothing else uses it. */
int xf_attachment_remove(xf_ctx *c, int64_t id);

#endif
