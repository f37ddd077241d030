/*
 * upload.c - the uploaded file of a request: libmicrohttpd's post
 * processor run over the body the server has already read (bounded by
 * the route's body limit), collecting the one part asked for.
 */
#include "http/upload.h"

#include <microhttpd.h>
#include <string.h>
#include <strings.h>

typedef struct part_state {
	const char *field;
	xf_buf data;
	const char *file_name;
	xf_arena *a;
	int found, failed;
} part_state;

static enum MHD_Result on_part(void *cls, enum MHD_ValueKind kind,
                               const char *key, const char *filename,
                               const char *content_type,
                               const char *transfer_encoding, const char *data,
                               uint64_t off, size_t size)
{
	part_state *s = cls;
	(void)kind;
	(void)content_type;
	(void)transfer_encoding;
	(void)off;
	if (!key || strcmp(key, s->field) != 0)
		return MHD_YES;
	if (!s->found) {
		s->found = 1;
		if (filename)
			s->file_name = xf_arena_strdup(s->a, filename);
	}
	if (size && xf_buf_add(&s->data, data, size) != 0) {
		s->failed = 1;
		return MHD_NO;
	}
	return MHD_YES;
}

int xf_req_upload(xf_req *r, const char *field, const char **data, size_t *len,
                  const char **file_name)
{
	*data = NULL;
	*len = 0;
	*file_name = NULL;
	const char *type = xf_req_header(r, "Content-Type");
	if (!type || strncasecmp(type, "multipart/form-data", 19) != 0) {
		/* the body buffer is NUL-terminated and lives as long as r */
		*data = r->body.data ? r->body.data : "";
		*len = r->body.len;
		return 0;
	}
	part_state s = {.field = field, .a = &r->arena};
	xf_buf_init(&s.data, r->body.len + 1);
	struct MHD_PostProcessor *pp =
	    MHD_create_post_processor(r->conn, 64 * 1024, on_part, &s);
	int rc = -1;
	if (pp) {
		enum MHD_Result ok = MHD_post_process(
		    pp, r->body.data ? r->body.data : "", r->body.len);
		if (MHD_destroy_post_processor(pp) != MHD_YES)
			ok = MHD_NO;
		if (ok == MHD_YES && s.found && !s.failed) {
			char *copy = xf_arena_strndup(
			    &r->arena, s.data.data ? s.data.data : "",
			    s.data.len);
			if (copy) {
				*data = copy;
				*len = s.data.len;
				*file_name = s.file_name;
				rc = 0;
			}
		}
	}
	xf_buf_free(&s.data);
	return rc;
}
