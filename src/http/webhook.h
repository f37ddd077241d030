/*
 * webhook.h - the webhook sender: each message (model/message.h) is an
 * HTTP/1.1 POST of its JSON to one configured http:// URL, signed with
 * HMAC-SHA256 over "<timestamp>.<body>" under a shared secret:
 *
 *   Content-Type: application/json; charset=utf-8
 *   X-Xianfeng-Delivery: <message id, the same on retries>
 *   X-Xianfeng-Timestamp: <unix seconds>
 *   X-Xianfeng-Signature: sha256=<64 hex digits>
 *
 * A 2xx answer delivers the message; a 5xx or 429 answer, a refused
 * connection or a timeout asks for a retry; any other answer drops it.
 * Only plain http:// is spoken: HTTPS goes through a local relay or
 * proxy (docs/operations.md).
 */
#ifndef XF_HTTP_WEBHOOK_H
#define XF_HTTP_WEBHOOK_H

#include "model/message.h"

/*
 * Parses url ("http://host[:port][/path]", host a name or an IPv4
 * address) and returns a sender that owns copies of url and secret (a
 * non-empty string), or NULL when url is not such a URL or memory runs
 * out. timeout_ms bounds connecting, sending and reading the answer.
 * The notifier destroys it (xf_sender.destroy).
 */
xf_sender *xf_webhook_sender_new(const char *url, const char *secret,
                                 int timeout_ms);

/* Splits url as xf_webhook_sender_new reads it; 0 or -1. host and path
 * are copied into the given buffers. For the fuzzer and unit tests. */
int xf_webhook_parse_url(const char *url, char *host, size_t nhost,
                         unsigned short *port, char *path, size_t npath);

/* Writes the signature header's value "sha256=<hex>" of body at ts under
 * secret into out (72 bytes with its NUL). */
void xf_webhook_sign(const char *secret, int64_t ts, const char *body,
                     size_t len, char out[72]);

#endif
