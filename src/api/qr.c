/*
 * qr.c (api) - QR codes as SVG (qr.h).
 */
#include "api/qr.h"

#include <qrencode.h>
#include <string.h>

int xf_qr_svg(xf_buf *out, const char *text)
{
	QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (!q)
		return -1;
	int w = q->width, size = w + 8;
	xf_buf_printf(
	    out,
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
	    "%d %d\" shape-rendering=\"crispEdges\"><rect width=\"%d\" "
	    "height=\"%d\" fill=\"#fff\"/><path fill=\"#000\" d=\"",
	    size, size, size, size);
	for (int y = 0; y < w; y++)
		for (int x = 0; x < w; x++)
			if (q->data[y * w + x] & 1)
				xf_buf_printf(out, "M%d %dh1v1h-1z", x + 4,
				              y + 4);
	xf_buf_printf(out, "\"/></svg>");
	QRcode_free(q);
	return out->failed ? -1 : 0;
}

int xf_qr_host_ok(const char *host)
{
	size_t n = strlen(host);
	return n > 0 && n < 256 &&
	       strspn(host,
	              "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	              "0123456789.-:[]") == n;
}
