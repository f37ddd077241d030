/*
 * qr.h (api) - QR codes as SVG (libqrencode): a judge's code printed or
 * shown on the wall for a phone to scan.
 */
#ifndef XF_API_QR_H
#define XF_API_QR_H

#include "base/buf.h"

/* Appends an SVG of the QR code of text (ECC level M, 4-module quiet
 * zone) to out; 0, or -1. */
int xf_qr_svg(xf_buf *out, const char *text);
/* 1 if a Host header is safe to put in a link: a host name or address
 * with an optional port (letters, digits, '.', '-', ':', '[', ']'). */
int xf_qr_host_ok(const char *host);

#endif
