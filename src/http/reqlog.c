/*
 * reqlog.c - the request log's background writer (reqlog.h): two buffers
 * of cap bytes, one filled by the request threads under the mutex, the
 * other written by the writer thread outside it; the writer swaps them
 * whenever the filled one holds anything.
 */
#include "http/reqlog.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t has_data = PTHREAD_COND_INITIALIZER; /* the writer's */
static pthread_cond_t has_room = PTHREAD_COND_INITIALIZER; /* appenders' */

/* Everything below is read and written under mu, except the bytes of
 * spare, which only the writer thread touches while it writes them. */
static struct {
	int fd;
	size_t cap;
	char *fill;   /* lines appended, not yet taken by the writer */
	size_t len;   /* bytes in fill */
	char *spare;  /* the buffer the writer writes (or wrote last) */
	int running;  /* a writer thread was started and not stopped */
	int stopping; /* the writer ends once fill is empty */
	int idle;     /* the writer waits on has_data */
	int writing;  /* the writer is writing spare */
	int waiters;  /* appenders waiting on has_room */
	pthread_t thread;
} L = {.fd = 2};

/* Writes all n bytes to fd; gives up on an error other than EINTR (the
 * log is best effort once its file fails). */
static void write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		p += w;
		n -= (size_t)w;
	}
}

static void *writer(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&mu);
	for (;;) {
		while (L.len == 0 && !L.stopping) {
			L.idle = 1;
			pthread_cond_wait(&has_data, &mu);
			L.idle = 0;
		}
		if (L.len == 0)
			break; /* stopping, and everything is written */
		char *batch = L.fill;
		size_t n = L.len;
		L.fill = L.spare;
		L.spare = batch;
		L.len = 0;
		L.writing = 1;
		if (L.waiters)
			pthread_cond_broadcast(&has_room);
		pthread_mutex_unlock(&mu);
		write_all(L.fd, batch, n);
		pthread_mutex_lock(&mu);
		L.writing = 0;
		if (L.waiters)
			pthread_cond_broadcast(&has_room);
	}
	pthread_mutex_unlock(&mu);
	return NULL;
}

int xf_reqlog_start(int fd, size_t cap)
{
	pthread_mutex_lock(&mu);
	if (L.running) {
		pthread_mutex_unlock(&mu);
		return -1;
	}
	L.fd = fd;
	L.cap = cap ? cap : 1;
	L.fill = malloc(L.cap);
	L.spare = malloc(L.cap);
	L.len = 0;
	L.stopping = 0;
	if (!L.fill || !L.spare ||
	    pthread_create(&L.thread, NULL, writer, NULL) != 0) {
		free(L.fill);
		free(L.spare);
		L.fill = L.spare = NULL;
		pthread_mutex_unlock(&mu);
		return -1;
	}
	L.running = 1;
	pthread_mutex_unlock(&mu);
	return 0;
}

void xf_reqlog_append(const char *line, size_t len)
{
	if (len == 0)
		return;
	pthread_mutex_lock(&mu);
	if (len > L.cap) {
		/* longer than the buffer: written here, after every line
		 * before it (the writer holds none, and none is queued) */
		L.waiters++;
		while (L.running && (L.len > 0 || L.writing))
			pthread_cond_wait(&has_room, &mu);
		L.waiters--;
		write_all(L.fd, line, len);
		pthread_mutex_unlock(&mu);
		return;
	}
	L.waiters++;
	while (L.running && L.len + len > L.cap)
		pthread_cond_wait(&has_room, &mu);
	L.waiters--;
	if (!L.running) {
		/* no writer: at once, in the order of the mutex */
		write_all(L.fd, line, len);
		pthread_mutex_unlock(&mu);
		return;
	}
	memcpy(L.fill + L.len, line, len);
	L.len += len;
	if (L.idle)
		pthread_cond_signal(&has_data);
	pthread_mutex_unlock(&mu);
}

void xf_reqlog_stop(void)
{
	pthread_mutex_lock(&mu);
	if (!L.running || L.stopping) {
		pthread_mutex_unlock(&mu);
		return;
	}
	L.stopping = 1;
	pthread_cond_signal(&has_data);
	pthread_mutex_unlock(&mu);
	pthread_join(L.thread, NULL);
	pthread_mutex_lock(&mu);
	/* the writer ended with fill empty; appenders may have added since */
	write_all(L.fd, L.fill, L.len);
	L.len = 0;
	L.running = 0;
	L.stopping = 0;
	free(L.fill);
	free(L.spare);
	L.fill = L.spare = NULL;
	pthread_cond_broadcast(&has_room);
	pthread_mutex_unlock(&mu);
}
