/*
 * html.c - HTML escaping and percent-encoding (html.h).
 */
#include "base/html.h"

#include <string.h>

void xf_html_escape(xf_buf *b, const char *s)
{
	if (!s)
		return;
	const char *run = s;
	for (; *s; s++) {
		const char *rep;
		switch (*s) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '\'':
			rep = "&#39;";
			break;
		default:
			continue;
		}
		xf_buf_add(b, run, (size_t)(s - run));
		xf_buf_adds(b, rep);
		run = s + 1;
	}
	xf_buf_add(b, run, (size_t)(s - run));
}

void xf_percent_encode(xf_buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	if (!s)
		return;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		unsigned char ch = *p;
		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9') || strchr("!#$&+-.^_`|~", ch)) {
			xf_buf_addc(b, (char)ch);
		} else {
			char e[3] = {'%', hex[ch >> 4], hex[ch & 15]};
			xf_buf_add(b, e, 3);
		}
	}
}
