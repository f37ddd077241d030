/*
 * webhook.c - the webhook sender (webhook.h): a minimal HTTP/1.1 client
 * for one POST per message over a POSIX socket, with a deadline on the
 * whole exchange, and the HMAC-SHA256 signature from libsodium.
 */
#include "http/webhook.h"

#include "base/buf.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define URL_MAX  512
#define BODY_MAX (64 * 1024)

typedef struct webhook {
	xf_sender base;
	char host[256], path[URL_MAX];
	char port_s[8];
	unsigned short port;
	char *secret;
	int timeout_ms;
} webhook;

int xf_webhook_parse_url(const char *url, char *host, size_t nhost,
                         unsigned short *port, char *path, size_t npath)
{
	static const char scheme[] = "http://";
	if (!url || strncmp(url, scheme, sizeof scheme - 1) != 0 ||
	    strlen(url) >= URL_MAX)
		return -1;
	const char *h = url + sizeof scheme - 1;
	size_t hl = strcspn(h, ":/?#");
	if (hl == 0 || hl >= nhost)
		return -1;
	for (size_t i = 0; i < hl; i++) {
		char ch = h[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		      (ch >= '0' && ch <= '9') || ch == '.' || ch == '-'))
			return -1;
	}
	memcpy(host, h, hl);
	host[hl] = '\0';
	const char *p = h + hl;
	*port = 80;
	if (*p == ':') {
		long v = 0;
		int digits = 0;
		for (p++; *p >= '0' && *p <= '9' && digits < 6; p++, digits++)
			v = v * 10 + (*p - '0');
		if (digits == 0 || v < 1 || v > 65535)
			return -1;
		*port = (unsigned short)v;
	}
	if (*p == '\0')
		p = "/";
	size_t pl = strlen(p);
	if (*p != '/' || pl >= npath)
		return -1;
	for (const char *q = p; *q; q++)
		if ((unsigned char)*q <= ' ' || *q == '#' || *q == 0x7f)
			return -1;
	memcpy(path, p, pl + 1);
	return 0;
}

void xf_webhook_sign(const char *secret, int64_t ts, const char *body,
                     size_t len, char out[72])
{
	crypto_auth_hmacsha256_state st;
	unsigned char mac[crypto_auth_hmacsha256_BYTES];
	char t[24];
	int tl = snprintf(t, sizeof t, "%lld.", (long long)ts);
	crypto_auth_hmacsha256_init(&st, (const unsigned char *)secret,
	                            strlen(secret));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)t,
	                              (unsigned long long)tl);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)body, len);
	crypto_auth_hmacsha256_final(&st, mac);
	memcpy(out, "sha256=", 7);
	sodium_bin2hex(out + 7, 72 - 7, mac, sizeof mac);
}

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Waits for events on fd until the deadline; 1 ready, 0 timed out or
 * failed. */
static int wait_fd(int fd, short events, int64_t deadline)
{
	for (;;) {
		int64_t left = deadline - now_ms();
		if (left <= 0)
			return 0;
		struct pollfd p = {.fd = fd, .events = events};
		int rc = poll(&p, 1, (int)left);
		if (rc > 0)
			return 1;
		if (rc == 0 || errno != EINTR)
			return 0;
	}
}

/* A non-blocking socket connected to the webhook's host, or -1. */
static int connect_to(const webhook *h, int64_t deadline)
{
	struct addrinfo hints = {.ai_family = AF_UNSPEC,
	                         .ai_socktype = SOCK_STREAM};
	struct addrinfo *res = NULL;
	if (getaddrinfo(h->host, h->port_s, &hints, &res) != 0)
		return -1;
	int fd = -1;
	for (struct addrinfo *ai = res; ai && fd < 0; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK,
		            ai->ai_protocol);
		if (fd < 0)
			continue;
		int rc = connect(fd, ai->ai_addr, ai->ai_addrlen);
		if (rc != 0 && errno == EINPROGRESS &&
		    wait_fd(fd, POLLOUT, deadline)) {
			int err = 0;
			socklen_t el = sizeof err;
			if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &el) ==
			        0 &&
			    err == 0)
				rc = 0;
		}
		if (rc != 0) {
			close(fd);
			fd = -1;
		}
	}
	freeaddrinfo(res);
	return fd;
}

static int send_all(int fd, const char *p, size_t n, int64_t deadline)
{
	while (n > 0) {
		ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
		if (w > 0) {
			p += w;
			n -= (size_t)w;
		} else if (w < 0 && errno == EINTR) {
			continue;
		} else if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			if (!wait_fd(fd, POLLOUT, deadline))
				return -1;
		} else {
			return -1;
		}
	}
	return 0;
}

/* Reads until the status line is complete; its status code, or -1. */
static int read_status(int fd, int64_t deadline)
{
	char line[256] = "";
	size_t n = 0;
	while (n < sizeof line - 1 && !memchr(line, '\n', n)) {
		ssize_t r = recv(fd, line + n, sizeof line - 1 - n, 0);
		if (r > 0)
			n += (size_t)r;
		else if (r < 0 && errno == EINTR)
			continue;
		else if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			if (!wait_fd(fd, POLLIN, deadline))
				return -1;
		} else
			break;
	}
	line[n] = '\0';
	if (n < 12 || strncmp(line, "HTTP/1.", 7) != 0 || line[8] != ' ')
		return -1;
	int code = 0;
	for (int i = 9; i < 12; i++) {
		if (line[i] < '0' || line[i] > '9')
			return -1;
		code = code * 10 + (line[i] - '0');
	}
	return code;
}

static int webhook_send(void *self, const xf_message *m)
{
	webhook *h = self;
	xf_buf body, req;
	xf_buf_init(&body, BODY_MAX);
	xf_buf_init(&req, BODY_MAX + 1024);
	xf_jw w;
	xf_jw_init(&w, &body);
	xf_message_json(&w, m);
	int rc = XF_SEND_FAILED;
	if (body.failed)
		goto out;
	int64_t ts = (int64_t)time(NULL);
	char sig[72];
	xf_webhook_sign(h->secret, ts, body.data, body.len, sig);
	xf_buf_printf(&req,
	              "POST %s HTTP/1.1\r\nHost: %s:%u\r\n"
	              "User-Agent: xianfeng-webhook\r\n"
	              "Content-Type: application/json; charset=utf-8\r\n"
	              "Content-Length: %zu\r\n"
	              "X-Xianfeng-Delivery: %s\r\n"
	              "X-Xianfeng-Timestamp: %lld\r\n"
	              "X-Xianfeng-Signature: %s\r\n"
	              "Connection: close\r\n\r\n",
	              h->path, h->host, (unsigned)h->port, body.len, m->id,
	              (long long)ts, sig);
	xf_buf_add(&req, body.data, body.len);
	if (req.failed)
		goto out;
	int64_t deadline = now_ms() + h->timeout_ms;
	rc = XF_SEND_RETRY;
	int fd = connect_to(h, deadline);
	if (fd < 0)
		goto out;
	int status = -1;
	if (send_all(fd, req.data, req.len, deadline) == 0)
		status = read_status(fd, deadline);
	close(fd);
	if (status >= 200 && status < 300)
		rc = XF_SEND_OK;
	else if (status >= 400 && status < 500 && status != 408 &&
	         status != 429)
		rc = XF_SEND_FAILED;
out:
	xf_buf_free(&body);
	xf_buf_free(&req);
	return rc;
}

static void webhook_destroy(void *self)
{
	webhook *h = self;
	if (!h)
		return;
	if (h->secret) {
		sodium_memzero(h->secret, strlen(h->secret));
		free(h->secret);
	}
	free(h);
}

xf_sender *xf_webhook_sender_new(const char *url, const char *secret,
                                 int timeout_ms)
{
	if (!secret || !*secret || timeout_ms < 1)
		return NULL;
	webhook *h = calloc(1, sizeof *h);
	if (!h)
		return NULL;
	if (xf_webhook_parse_url(url, h->host, sizeof h->host, &h->port,
	                         h->path, sizeof h->path) != 0 ||
	    !(h->secret = strdup(secret))) {
		free(h);
		return NULL;
	}
	snprintf(h->port_s, sizeof h->port_s, "%u", (unsigned)h->port);
	h->timeout_ms = timeout_ms;
	h->base.name = "webhook";
	h->base.send = webhook_send;
	h->base.destroy = webhook_destroy;
	h->base.self = h;
	return &h->base;
}
