/*
 * test_reqlog.c - unit tests of the request log's background writer
 * (http/reqlog.h): every line appended by many threads at once reaches
 * the file, whole and in each thread's order, including when the buffer
 * is far smaller than the burst and when the log stops right after it;
 * lines longer than the buffer and lines after the stop are written too.
 */
/* cmocka.h needs these before it, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on

#include "http/reqlog.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define THREADS 4
#define LINES   5000

static void *appender(void *arg)
{
	int t = (int)(intptr_t)arg;
	char line[64];
	for (int i = 0; i < LINES; i++) {
		int n =
		    snprintf(line, sizeof line, "{\"t\":%d,\"i\":%d}\n", t, i);
		xf_reqlog_append(line, (size_t)n);
	}
	return NULL;
}

/* The file's whole text (a tmpfile), NUL-terminated; the caller frees. */
static char *read_all(FILE *f, long *len)
{
	fflush(f);
	*len = lseek(fileno(f), 0, SEEK_END);
	char *s = malloc((size_t)*len + 1);
	assert_non_null(s);
	assert_int_equal(pread(fileno(f), s, (size_t)*len, 0), *len);
	s[*len] = 0;
	return s;
}

/* Every thread's lines appear once, whole, in the order it appended. */
static void check_lines(const char *s, int threads, int lines)
{
	int next[THREADS] = {0};
	int count = 0;
	for (const char *p = s; *p;) {
		const char *nl = strchr(p, '\n');
		assert_non_null(nl);
		int t, i;
		assert_int_equal(sscanf(p, "{\"t\":%d,\"i\":%d}", &t, &i), 2);
		assert_true(t >= 0 && t < threads);
		assert_int_equal(i, next[t]);
		next[t]++;
		count++;
		p = nl + 1;
	}
	assert_int_equal(count, threads * lines);
}

static void burst(size_t cap)
{
	FILE *f = tmpfile();
	assert_non_null(f);
	assert_int_equal(xf_reqlog_start(fileno(f), cap), 0);
	pthread_t th[THREADS];
	for (int t = 0; t < THREADS; t++)
		assert_int_equal(
		    pthread_create(&th[t], NULL, appender, (void *)(intptr_t)t),
		    0);
	for (int t = 0; t < THREADS; t++)
		pthread_join(th[t], NULL);
	/* stopped right after the burst: nothing may be left behind */
	xf_reqlog_stop();
	long len;
	char *s = read_all(f, &len);
	check_lines(s, THREADS, LINES);
	free(s);
	fclose(f);
}

static void every_line_of_a_burst_is_written_by_the_stop(void **state)
{
	(void)state;
	burst(1u << 20);
}

static void a_small_buffer_makes_appenders_wait_not_lose_lines(void **state)
{
	(void)state;
	burst(100); /* a few lines at a time */
}

static void long_lines_and_lines_after_the_stop_are_written(void **state)
{
	(void)state;
	FILE *f = tmpfile();
	assert_non_null(f);
	assert_int_equal(xf_reqlog_start(fileno(f), 32), 0);
	xf_reqlog_append("short 1\n", 8);
	char big[200];
	memset(big, 'x', sizeof big);
	big[sizeof big - 1] = '\n';
	xf_reqlog_append(big, sizeof big);
	xf_reqlog_append("short 2\n", 8);
	xf_reqlog_stop();
	xf_reqlog_stop(); /* twice: nothing more to do */
	/* without a writer: at once, to the same file */
	xf_reqlog_append("after\n", 6);
	long len;
	char *s = read_all(f, &len);
	assert_int_equal(len, 8 + 200 + 8 + 6);
	assert_memory_equal(s, "short 1\n", 8);
	assert_memory_equal(s + 8, big, sizeof big);
	assert_memory_equal(s + 208, "short 2\nafter\n", 14);
	free(s);
	fclose(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(every_line_of_a_burst_is_written_by_the_stop),
	    cmocka_unit_test(
	        a_small_buffer_makes_appenders_wait_not_lose_lines),
	    cmocka_unit_test(long_lines_and_lines_after_the_stop_are_written),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
