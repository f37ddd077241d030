/*
 * attachments.h - SQL of attachments (of meetings, honors, ...: a subject
 * code and the record's id) and of the blobs they point to
 * (content-addressed by SHA-256; schema_v5.c, schema_v11.c).
 *
 * Return codes and string ownership as in meetings.h: XF_DB_OK, XF_DB_ROW
 * (found), XF_DB_DONE (not found) or a negative XF_DB_* error; strings and
 * bytes are copied into the arena passed in.
 */
#ifndef XF_STORE_ATTACHMENTS_H
#define XF_STORE_ATTACHMENTS_H

#include "base/arena.h"
#include "model/attachment.h"
#include "store/db.h"

#include <stddef.h>
#include <stdint.h>

/* Whether a blob with this hash is stored (*has 0 or 1). */
int xf_store_blob_has(xf_db *db, const char *hash, int *has);
/* Stores a blob unless one with this hash is there already. */
int xf_store_blob_put(xf_db *db, const char *hash, const void *data, size_t len,
                      int64_t now);
/* The bytes of a blob, copied into the arena. XF_DB_ROW or XF_DB_DONE. */
int xf_store_blob_get(xf_db *db, xf_arena *a, const char *hash,
                      const void **data, size_t *len);
/* Deletes a blob if no attachment points to it any more. */
int xf_store_blob_release(xf_db *db, const char *hash);

/* Inserts a and sets a->id. */
int xf_store_attachment_insert(xf_db *db, xf_attachment *a, int64_t now);
int xf_store_attachment_get(xf_db *db, xf_arena *a, int64_t id,
                            xf_attachment *out);
int xf_store_attachment_delete(xf_db *db, int64_t id);
/* The number of attachments of a record (subject, subject_id). */
int xf_store_attachment_count(xf_db *db, const char *subject,
                              int64_t subject_id, int64_t *n);
/* The attachments of a record, oldest first (at most max). */
int xf_store_attachment_list(xf_db *db, xf_arena *a, const char *subject,
                             int64_t subject_id, int max, xf_attachment **out,
                             int *n);
/* Deletes the attachments of a record and the blobs only they used. */
int xf_store_attachment_delete_subject(xf_db *db, const char *subject,
                                       int64_t subject_id);

#endif
