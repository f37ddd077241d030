/*
 * bare.c - the ceiling of `make bench`: a bare libmicrohttpd handler that
 * answers every request with a fixed JSON body, started with the same
 * daemon options as the server (internal polling threads on epoll, one
 * thread per core), built by bench/run.sh in the same run. Not part of
 * the product.
 *
 *   bare PORT        serves until killed
 */
#include <microhttpd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char body[] = "{\"status\":\"ok\"}";

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c,
                                  const char *url, const char *method,
                                  const char *version, const char *data,
                                  size_t *size, void **state)
{
	(void)cls;
	(void)url;
	(void)method;
	(void)version;
	(void)data;
	/* the first call announces the request; answering it then would
	 * close the connection (the body is not read yet): answer the next */
	if (!*state) {
		*state = (void *)1;
		return MHD_YES;
	}
	if (*size) {
		*size = 0;
		return MHD_YES;
	}
	struct MHD_Response *r = MHD_create_response_from_buffer(
	    sizeof body - 1, (void *)body, MHD_RESPMEM_PERSISTENT);
	MHD_add_response_header(r, "Content-Type",
	                        "application/json; charset=utf-8");
	MHD_add_response_header(r, "Cache-Control", "no-store");
	enum MHD_Result ret = MHD_queue_response(c, MHD_HTTP_OK, r);
	MHD_destroy_response(r);
	return ret;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: bare PORT\n");
		return 2;
	}
	long threads = sysconf(_SC_NPROCESSORS_ONLN);
	struct MHD_Daemon *d = MHD_start_daemon(
	    MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC,
	    (uint16_t)strtol(argv[1], NULL, 10), NULL, NULL, on_request, NULL,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(threads > 0 ? threads : 1),
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)60,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(32 * 1024),
	    MHD_OPTION_END);
	if (!d)
		return 1;
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigprocmask(SIG_BLOCK, &set, NULL);
	int sig;
	sigwait(&set, &sig);
	MHD_stop_daemon(d);
	return 0;
}
