/*
 * attachment.h - a file attached to a record (a meeting's photos, an
 * honor's certificate; its bytes are a blob addressed by SHA-256), as
 * every layer sees it, with its one JSON form.
 *
 * Layer-neutral: includes only base/. Strings are borrowed: they point
 * into the arena of whoever filled the struct and live as long as it.
 */
#ifndef XF_MODEL_ATTACHMENT_H
#define XF_MODEL_ATTACHMENT_H

#include "base/jw.h"

#include <stdint.h>

typedef struct xf_attachment {
	int64_t id;
	const char *subject; /* the kind of record: "meeting", "honor" */
	int64_t subject_id;  /* and its id */
	int64_t org_id;      /* the organization the record belongs to */
	const char *org_path;
	const char *hash; /* SHA-256 of the content, 64 hex digits */
	const char *name, *type;
	int64_t size;
	int64_t uploaded_by, uploaded_at;
	const char *uploaded_by_name; /* username, or NULL */
} xf_attachment;

/* The JSON form of an attachment with the URL of its bytes (and, for a
 * meeting's, "meeting_id"), the object left open for more keys. */
void xf_attachment_json_open(xf_jw *w, const xf_attachment *t);

#endif
