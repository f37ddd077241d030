/*
 * attachment.h - a file attached to a meeting (its bytes are a blob
 * addressed by SHA-256), as every layer sees it, with its one JSON form.
 *
 * Layer-neutral: includes only base/. Strings are borrowed: they point
 * into the arena of whoever filled the struct and live as long as it.
 */
#ifndef XF_MODEL_ATTACHMENT_H
#define XF_MODEL_ATTACHMENT_H

#include "base/jw.h"

#include <stdint.h>

typedef struct xf_attachment {
	int64_t id, meeting_id, org_id;
	const char *org_path;
	const char *hash; /* SHA-256 of the content, 64 hex digits */
	const char *name, *type;
	int64_t size;
	int64_t uploaded_by, uploaded_at;
	const char *uploaded_by_name; /* username, or NULL */
} xf_attachment;

/* The JSON form of an attachment with the URL of its bytes, the object
 * left open for more keys. */
void xf_attachment_json_open(xf_jw *w, const xf_attachment *t);

#endif
