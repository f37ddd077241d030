/*
 * upload.h - a file uploaded to a route: the part of a
 * multipart/form-data body (an HTML form's <input type="file">, what
 * browsers and curl -F send), taken apart by libmicrohttpd's post
 * processor; or the raw body itself for clients that send the file as
 * it is (as attachments are sent).
 */
#ifndef XF_HTTP_UPLOAD_H
#define XF_HTTP_UPLOAD_H

#include "http/server.h"

/*
 * The file of a request: when its Content-Type is multipart/form-data,
 * the bytes of the part named field (its file name, if the part has one,
 * in *file_name, else NULL); otherwise the whole body (*file_name NULL).
 * *data is in r's arena or body (NUL-terminated, not counted in *len) and lives
 * as long as the request. Returns 0, or -1 when a multipart body has no
 * such part, cannot be taken apart, or memory runs out.
 */
int xf_req_upload(xf_req *r, const char *field, const char **data, size_t *len,
                  const char **file_name);

#endif
