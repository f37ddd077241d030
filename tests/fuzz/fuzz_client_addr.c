/*
 * fuzz_client_addr.c - libFuzzer harness for the client address behind a
 * trusted proxy (xf_client_addr_pick, http/headers.c): outside input is
 * the X-Forwarded-For header (and, in a configuration, the list of
 * trusted proxies).
 *
 * The input is three lines (split at '\n'): the peer, the header, the
 * trusted list; the first byte's low bit makes the header absent and its
 * next bits pick the output size. Invariants:
 *   - the answer is NUL-terminated within the output;
 *   - it is the peer (cut to the output) unless the peer is listed as
 *     trusted and the header is present;
 *   - when it is not the peer, it is a well-formed IPv4 or IPv6 address
 *     that occurs in the header.
 *
 * sources: src/http/headers.c src/base/buf.c
 * libs:
 */
#include "http/headers.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_client_addr: %s\n", what);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > 4096)
		return 0;
	int no_header = data[0] & 1;
	size_t outn = 1 + ((data[0] >> 1) & 63);
	char *buf = malloc(size);
	if (!buf)
		return 0;
	memcpy(buf, data + 1, size - 1);
	buf[size - 1] = 0;
	char *line[3] = {buf, "", ""};
	for (int i = 1; i < 3; i++) {
		char *nl = strchr(line[i - 1], '\n');
		if (!nl)
			break;
		*nl = 0;
		line[i] = nl + 1;
	}
	const char *header = no_header ? NULL : line[1];
	char out[80];
	memset(out, 'x', sizeof out);
	xf_client_addr_pick(line[0], header, line[2], out, outn);
	if (!memchr(out, 0, outn))
		fail("answer not terminated within the output");
	size_t pl = strlen(line[0]);
	int is_peer = strncmp(out, line[0], outn - 1) == 0 &&
	              strlen(out) == (pl < outn - 1 ? pl : outn - 1);
	if (!is_peer) {
		if (!header)
			fail("an address other than the peer without a header");
		if (!strstr(header, out))
			fail("an address not in the header");
		unsigned char bin[sizeof(struct in6_addr)];
		if (strlen(out) + 1 < outn &&
		    inet_pton(AF_INET, out, bin) != 1 &&
		    inet_pton(AF_INET6, out, bin) != 1)
			fail("a malformed address picked");
	}
	free(buf);
	return 0;
}
