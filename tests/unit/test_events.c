/*
 * test_events.c - unit tests of the hub of live events (base/events.h):
 * frames in order with increasing ids, resuming after an id, and the
 * channels that exist only once watched (xf_events_publish_watched).
 */
/* cmocka.h needs these before it, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on

#include "fixture.h"

#include <string.h>

#include "base/events.h"

static void no_sleep(void *arg)
{
	(void)arg;
}

static void no_wake(void *arg)
{
	(void)arg;
}

/* What the subscriber has to read now, NUL-terminated in buf. */
static const char *pending(xf_subscriber *s, char *buf, size_t max)
{
	size_t n = xf_events_read(s, buf, max - 1, 0);
	buf[n] = '\0';
	return buf;
}

static void test_subscriber_reads_new_events_in_order(void **state)
{
	(void)state;
	char buf[512];
	xf_events_publish("t:order", "old", "{}");
	xf_subscriber *s =
	    xf_events_subscribe("t:order", 0, no_sleep, no_wake, NULL);
	assert_non_null(s);
	assert_string_equal(pending(s, buf, sizeof buf), "");
	xf_events_publish("t:order", "a", "{\"n\":1}");
	xf_events_publish("t:order", "b", "{\"n\":2}");
	assert_string_equal(pending(s, buf, sizeof buf),
	                    "id: 2\nevent: a\ndata: {\"n\":1}\n\n"
	                    "id: 3\nevent: b\ndata: {\"n\":2}\n\n");
	xf_events_unsubscribe(s);
	/* resuming after id 1 gets what came since */
	s = xf_events_subscribe("t:order", 1, no_sleep, no_wake, NULL);
	assert_non_null(strstr(pending(s, buf, sizeof buf), "id: 2\n"));
	xf_events_unsubscribe(s);
}

static void test_watched_publish_skips_unwatched_channels(void **state)
{
	(void)state;
	char buf[512];
	xf_events_publish_watched("t:org:1", "compliance", "{\"org_id\":1}");
	/* nobody watched it: nothing was kept, the channel starts empty */
	xf_subscriber *s =
	    xf_events_subscribe("t:org:1", 1, no_sleep, no_wake, NULL);
	assert_non_null(s);
	assert_string_equal(pending(s, buf, sizeof buf), "");
	xf_events_publish_watched("t:org:1", "tasks", "{\"org_id\":5}");
	assert_string_equal(pending(s, buf, sizeof buf),
	                    "id: 1\nevent: tasks\ndata: {\"org_id\":5}\n\n");
	xf_events_unsubscribe(s);
	/* once watched the channel stays: a reconnect resumes */
	xf_events_publish_watched("t:org:1", "points", "{\"org_id\":5}");
	s = xf_events_subscribe("t:org:1", 1, no_sleep, no_wake, NULL);
	assert_string_equal(pending(s, buf, sizeof buf),
	                    "id: 2\nevent: points\ndata: {\"org_id\":5}\n\n");
	xf_events_unsubscribe(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_subscriber_reads_new_events_in_order),
	    cmocka_unit_test(test_watched_publish_skips_unwatched_channels),
	};
	return cmocka_run_group_tests_name("events", tests, NULL, NULL);
}
