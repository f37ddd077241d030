/*
 * fuzz_webhook_url.c - libFuzzer harness for the webhook's URL, read from
 * the environment at start (http/webhook.c: xf_webhook_parse_url).
 *
 * The input, cut at its first NUL, is the URL. Invariants when it is
 * accepted: it starts with "http://"; the host is 1..255 bytes of letters,
 * digits, '.' and '-' and is the URL's text after the scheme; the port
 * is 1..65535; the path starts with '/', holds no control byte, space or
 * '#', and is the rest of the URL (or "/" when there is none). The
 * buffers are the sender's 256 bytes for the host and just enough for
 * any path, on the heap, so ASan catches any write past them.
 *
 * sources: src/http/webhook.c src/base/buf.c src/base/jw.c
 * sources: src/base/date.c src/model/message.c src/model/fields.c
 * libs: libsodium
 */
#include "fuzz_common.h"
#include "http/webhook.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *url = fuzz_cstr(data, size);
	size_t n = strlen(url) + 2;
	char *host = fuzz_alloc(256), *path = fuzz_alloc(n);
	unsigned short port = 0;
	if (xf_webhook_parse_url(url, host, 256, &port, path, n) == 0) {
		if (strncmp(url, "http://", 7) != 0 || port == 0)
			abort();
		size_t hl = strlen(host);
		if (hl == 0 || hl > 255 || strncmp(url + 7, host, hl) != 0)
			abort();
		for (size_t i = 0; i < hl; i++)
			if (!strchr(
			        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRS"
			        "TUVWXYZ0123456789.-",
			        host[i]))
				abort();
		if (path[0] != '/' || strpbrk(path, " #\t\r\n"))
			abort();
		const char *rest = strchr(url + 7 + hl, '/');
		if (rest ? strcmp(rest, path) != 0 : strcmp(path, "/") != 0)
			abort();
	}
	free(host);
	free(path);
	free(url);
	return 0;
}
