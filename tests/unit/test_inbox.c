/*
 * test_inbox.c - unit tests of the inbox rules (domain/inbox.h: order,
 * slot ends, days left) and of the webhook's URL reading and signature
 * (http/webhook.h).
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

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "domain/inbox.h"
#include "http/webhook.h"

static xf_date d(int y, int m, int dd)
{
	xf_date x = {y, m, dd};
	return x;
}

static void
test_missed_meetings_come_first_then_by_due_day_then_undated(void **state)
{
	(void)state;
	xf_inbox_item it[] = {
	    {.kind = "claim", .ref = "claim:2"},
	    {.kind = "milestone_due", .due_on = "2026-12-10", .ref = "m:1"},
	    {.kind = "meeting_owed", .due_on = "2026-12-31", .ref = "o:1"},
	    {.kind = "meeting_missed", .ref = "o:2"},
	    {.kind = "task_due", .due_on = "2026-12-01", .ref = "t:1"},
	    {.kind = "claim", .ref = "claim:1"},
	};
	qsort(it, 6, sizeof it[0], xf_inbox_cmp);
	const char *want[] = {"o:2", "t:1", "m:1", "o:1", "claim:1", "claim:2"};
	for (int i = 0; i < 6; i++)
		assert_string_equal(it[i].ref, want[i]);
}

static void test_same_day_items_are_ordered_by_kind(void **state)
{
	(void)state;
	xf_inbox_item it[] = {
	    {.kind = "objection", .due_on = "2026-12-10", .ref = "a"},
	    {.kind = "meeting_owed", .due_on = "2026-12-10", .ref = "b"},
	};
	qsort(it, 2, sizeof it[0], xf_inbox_cmp);
	assert_string_equal(it[0].kind, "meeting_owed");
}

static void test_slot_ends_at_month_quarter_and_year_end(void **state)
{
	(void)state;
	xf_date m = xf_inbox_slot_end(XF_PERIOD_MONTH, d(2024, 2, 10));
	assert_int_equal(m.d, 29); /* leap February */
	xf_date q = xf_inbox_slot_end(XF_PERIOD_QUARTER, d(2026, 11, 30));
	assert_true(q.m == 12 && q.d == 31);
	xf_date y = xf_inbox_slot_end(XF_PERIOD_YEAR, d(2026, 1, 1));
	assert_true(y.y == 2026 && y.m == 12 && y.d == 31);
}

static void test_days_left_counts_across_the_year_end(void **state)
{
	(void)state;
	xf_inbox_item it = {0};
	xf_inbox_set_due(&it, "2027-01-02", d(2027, 1, 2), d(2026, 12, 31));
	assert_true(it.has_days_left);
	assert_int_equal(it.days_left, 2);
	xf_inbox_set_due(&it, "2026-12-30", d(2026, 12, 30), d(2026, 12, 31));
	assert_int_equal(it.days_left, -1);
}

static void
test_webhook_urls_are_plain_http_with_host_port_and_path(void **state)
{
	(void)state;
	char host[64], path[128];
	unsigned short port;
	assert_int_equal(xf_webhook_parse_url("http://127.0.0.1:8081/hooks/xf",
	                                      host, sizeof host, &port, path,
	                                      sizeof path),
	                 0);
	assert_string_equal(host, "127.0.0.1");
	assert_int_equal(port, 8081);
	assert_string_equal(path, "/hooks/xf");
	assert_int_equal(xf_webhook_parse_url("http://relay.local", host,
	                                      sizeof host, &port, path,
	                                      sizeof path),
	                 0);
	assert_int_equal(port, 80);
	assert_string_equal(path, "/");
}

static void test_webhook_urls_other_than_plain_http_are_refused(void **state)
{
	(void)state;
	char host[64], path[128];
	unsigned short port;
	const char *bad[] = {"https://example.org/x",
	                     "http://",
	                     "http://:80/x",
	                     "http://a:0/",
	                     "http://a:65536/",
	                     "http://a:8x/",
	                     "http://a b/",
	                     "http://a/x y",
	                     "http://user@a/",
	                     "ftp://a/",
	                     "",
	                     "http://a/x#frag"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(xf_webhook_parse_url(bad[i], host, sizeof host,
		                                      &port, path, sizeof path),
		                 -1);
	assert_int_equal(xf_webhook_parse_url(NULL, host, sizeof host, &port,
	                                      path, sizeof path),
	                 -1);
}

static void test_signature_is_hmac_sha256_of_timestamp_dot_body(void **state)
{
	(void)state;
	assert_true(sodium_init() >= 0);
	char sig[72];
	/* printf '1700000000.{}' | openssl dgst -sha256 -hmac key */
	xf_webhook_sign("key", 1700000000, "{}", 2, sig);
	assert_string_equal(sig, "sha256=9d713ed406bb7076d4123f0dc2c39d2df5c654"
	                         "ed4b0cd56b52c8b4c940bd63ae");
	char again[72], other[72];
	xf_webhook_sign("key", 1700000000, "{}", 2, again);
	xf_webhook_sign("key", 1700000001, "{}", 2, other);
	assert_string_equal(sig, again);
	assert_string_not_equal(sig, other);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(
	        test_missed_meetings_come_first_then_by_due_day_then_undated),
	    cmocka_unit_test(test_same_day_items_are_ordered_by_kind),
	    cmocka_unit_test(test_slot_ends_at_month_quarter_and_year_end),
	    cmocka_unit_test(test_days_left_counts_across_the_year_end),
	    cmocka_unit_test(
	        test_webhook_urls_are_plain_http_with_host_port_and_path),
	    cmocka_unit_test(
	        test_webhook_urls_other_than_plain_http_are_refused),
	    cmocka_unit_test(
	        test_signature_is_hmac_sha256_of_timestamp_dot_body),
	};
	return cmocka_run_group_tests_name("inbox", tests, NULL, NULL);
}
