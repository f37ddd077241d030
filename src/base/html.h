/*
 * html.h - writing text into HTML documents (the printable reports) and
 * header values: escaping and percent-encoding onto an xf_buf.
 *
 * Errors (buffer over its cap) set the buffer's failed flag, as in buf.h.
 */
#ifndef XF_HTML_H
#define XF_HTML_H

#include "base/buf.h"

/* Appends s with & < > " ' escaped, safe in text and in quoted attribute
 * values. NULL appends nothing. */
void xf_html_escape(xf_buf *b, const char *s);
/* Appends s percent-encoded for a header parameter (RFC 5987 attr-char:
 * letters, digits and !#$&+-.^_`|~ are kept; every other byte is %XX). */
void xf_percent_encode(xf_buf *b, const char *s);

#endif
