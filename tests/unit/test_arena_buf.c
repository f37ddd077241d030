/*
 * test_arena_buf.c - unit tests of the request arena (base/arena.h) and the
 * capped byte buffer (base/buf.h).
 */
/* cmocka.h needs these before it, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on

#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"

#define ALIGN 16
#define BLOCK 8192 /* arena.c's block size */

static int aligned(const void *p)
{
	return (uintptr_t)p % ALIGN == 0;
}

/* ---- arena -------------------------------------------------------------- */

static void test_arena_memory_is_aligned_for_any_type(void **state)
{
	xf_arena a;
	(void)state;
	xf_arena_init(&a, 0);
	const size_t sizes[] = {1,  3,   7,    8,     15,        16,       17,
	                        33, 100, 4095, BLOCK, BLOCK + 1, 3 * BLOCK};
	for (int round = 0; round < 3; round++)
		for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
			void *p = xf_arena_alloc(&a, sizes[i]);
			assert_non_null(p);
			assert_true(aligned(p));
		}
	assert_true(aligned(xf_arena_strdup(&a, "x")));
	assert_true(aligned(xf_arena_printf(&a, "%d", 7)));
	assert_true(aligned(xf_arena_calloc(&a, 3, 5)));
	xf_arena_reset(&a);
}

static void test_arena_allocations_never_overlap(void **state)
{
	xf_arena a;
	enum { N = 5000 };
	unsigned char **p = calloc(N, sizeof *p);
	size_t *len = calloc(N, sizeof *len);
	(void)state;
	assert_non_null(p);
	assert_non_null(len);
	xf_arena_init(&a, 0);
	/* Sizes from 1 byte to past a block, in many blocks. */
	for (size_t i = 0; i < N; i++) {
		len[i] = i % 97 == 0 ? BLOCK + i : 1 + (i * 37) % 300;
		p[i] = xf_arena_alloc(&a, len[i]);
		assert_non_null(p[i]);
		memset(p[i], (int)(i & 0xFF), len[i]);
	}
	for (size_t i = 0; i < N; i++)
		for (size_t k = 0; k < len[i]; k++)
			if (p[i][k] != (unsigned char)(i & 0xFF))
				fail_msg("allocation %zu was overwritten", i);
	xf_arena_reset(&a);
	free(p);
	free(len);
}

static void test_arena_zero_byte_allocation_is_a_distinct_pointer(void **state)
{
	xf_arena a;
	(void)state;
	xf_arena_init(&a, 0);
	void *p = xf_arena_alloc(&a, 0);
	void *q = xf_arena_alloc(&a, 0);
	assert_non_null(p);
	assert_non_null(q);
	assert_ptr_not_equal(p, q);
	xf_arena_reset(&a);
}

static void test_arena_refuses_allocations_past_its_cap(void **state)
{
	xf_arena a;
	(void)state;
	xf_arena_init(&a, 64);
	assert_non_null(xf_arena_alloc(&a, 32));
	assert_non_null(xf_arena_alloc(&a, 32));
	assert_int_equal(a.used, 64);
	assert_null(xf_arena_alloc(&a, 1));
	assert_null(xf_arena_strdup(&a, ""));
	assert_null(xf_arena_printf(&a, "%s", "x"));
	/* A refusal does not count against the cap. */
	assert_int_equal(a.used, 64);
	xf_arena_reset(&a);
	/* After a reset the cap is whole again. */
	assert_int_equal(a.used, 0);
	assert_non_null(xf_arena_alloc(&a, 64));
	xf_arena_reset(&a);
}

static void test_arena_cap_counts_rounded_up_sizes(void **state)
{
	xf_arena a;
	(void)state;
	xf_arena_init(&a, 2 * ALIGN);
	assert_non_null(xf_arena_alloc(&a, 1));
	assert_int_equal(a.used, ALIGN);
	assert_non_null(xf_arena_alloc(&a, 1));
	assert_null(xf_arena_alloc(&a, 1));
	xf_arena_reset(&a);
}

static void test_arena_big_allocation_past_cap_is_refused(void **state)
{
	xf_arena a;
	(void)state;
	xf_arena_init(&a, 1 << 20);
	assert_null(xf_arena_alloc(&a, (1 << 20) + 1));
	assert_non_null(xf_arena_alloc(&a, 1 << 20));
	assert_null(xf_arena_alloc(&a, 1));
	xf_arena_reset(&a);
}

static void test_arena_big_block_keeps_the_current_block_in_use(void **state)
{
	xf_arena a;
	(void)state;
	xf_arena_init(&a, 0);
	char *first = xf_arena_alloc(&a, 16);
	char *big = xf_arena_alloc(&a, 10 * BLOCK);
	char *next = xf_arena_alloc(&a, 16);
	assert_non_null(first);
	assert_non_null(big);
	memset(big, 0xAB, 10 * BLOCK);
	/* The small allocation after the big one continues the first
	 * block rather than starting a new one. */
	assert_ptr_equal(next, first + 16);
	assert_int_equal(a.used, 32 + 10 * BLOCK);
	xf_arena_reset(&a);
}

static void test_arena_block_sized_allocations_fill_whole_blocks(void **state)
{
	xf_arena a;
	(void)state;
	xf_arena_init(&a, 0);
	for (int i = 0; i < 4; i++) {
		char *p = xf_arena_alloc(&a, BLOCK);
		assert_non_null(p);
		memset(p, i, BLOCK);
	}
	assert_int_equal(a.used, 4 * BLOCK);
	xf_arena_reset(&a);
}

static void test_arena_refuses_absurd_sizes_without_overflow(void **state)
{
	xf_arena a;
	(void)state;
	xf_arena_init(&a, 0);
	assert_null(xf_arena_alloc(&a, SIZE_MAX));
	assert_null(xf_arena_alloc(&a, SIZE_MAX - 8));
	assert_null(xf_arena_alloc(&a, SIZE_MAX / 2 + 1));
	assert_null(xf_arena_calloc(&a, SIZE_MAX / 2, 3));
	assert_null(xf_arena_calloc(&a, 3, SIZE_MAX / 2));
	assert_null(xf_arena_calloc(&a, (SIZE_MAX >> 4) + 2, 16));
	assert_int_equal(a.used, 0);
	xf_arena_reset(&a);
}

static void test_arena_calloc_returns_zeroed_memory(void **state)
{
	xf_arena a;
	(void)state;
	xf_arena_init(&a, 0);
	/* Dirty some blocks, free them, and allocate again. */
	for (int round = 0; round < 3; round++) {
		unsigned char *dirty = xf_arena_alloc(&a, 3 * BLOCK);
		assert_non_null(dirty);
		memset(dirty, 0xFF, 3 * BLOCK);
		xf_arena_reset(&a);
		int64_t *z = xf_arena_calloc(&a, 1000, sizeof *z);
		assert_non_null(z);
		for (int i = 0; i < 1000; i++)
			assert_int_equal(z[i], 0);
		xf_arena_reset(&a);
	}
	assert_non_null(xf_arena_calloc(&a, 0, 8));
	assert_non_null(xf_arena_calloc(&a, 8, 0));
	xf_arena_reset(&a);
}

static void test_arena_strndup_copies_exactly_len_bytes(void **state)
{
	xf_arena a;
	(void)state;
	xf_arena_init(&a, 0);
	char *s = xf_arena_strndup(&a, "先锋党建", 6);
	assert_string_equal(s, "先锋");
	char *t = xf_arena_strdup(&a, "支部");
	assert_string_equal(t, "支部");
	assert_string_equal(xf_arena_strndup(&a, "abc", 0), "");
	/* Bytes after a NUL within len are copied too. */
	char *u = xf_arena_strndup(&a, "a\0b", 3);
	assert_memory_equal(u, "a\0b\0", 4);
	xf_arena_reset(&a);
}

static void test_arena_printf_formats_long_strings_across_blocks(void **state)
{
	xf_arena a;
	char *big = malloc(3 * BLOCK + 1);
	(void)state;
	assert_non_null(big);
	memset(big, 'x', 3 * BLOCK);
	big[3 * BLOCK] = '\0';
	xf_arena_init(&a, 0);
	assert_string_equal(
	    xf_arena_printf(&a, "%s-%d-%lld", "org", 42, (long long)INT64_MIN),
	    "org-42--9223372036854775808");
	assert_string_equal(xf_arena_printf(&a, "%s", ""), "");
	char *p = xf_arena_printf(&a, "<%s>", big);
	assert_non_null(p);
	assert_int_equal(strlen(p), 3 * BLOCK + 2);
	assert_int_equal(p[0], '<');
	assert_int_equal(p[3 * BLOCK + 1], '>');
	xf_arena_reset(&a);
	free(big);
}

static void test_arena_can_be_used_again_after_reset(void **state)
{
	xf_arena a;
	(void)state;
	xf_arena_init(&a, 1000);
	for (int round = 0; round < 100; round++) {
		assert_non_null(xf_arena_alloc(&a, 900));
		assert_null(xf_arena_alloc(&a, 200));
		xf_arena_reset(&a);
		assert_null(a.head);
		assert_int_equal(a.used, 0);
		assert_int_equal(a.cap, 1000);
	}
	xf_arena_reset(&a); /* resetting an empty arena is harmless */
}

/* ---- buf ---------------------------------------------------------------- */

static void test_buf_appends_bytes_strings_chars_and_printf(void **state)
{
	xf_buf b;
	(void)state;
	xf_buf_init(&b, 1024);
	assert_int_equal(xf_buf_adds(&b, "党员"), 0);
	assert_int_equal(xf_buf_addc(&b, ':'), 0);
	assert_int_equal(xf_buf_add(&b, "12345", 3), 0);
	assert_int_equal(xf_buf_printf(&b, "/%s/%d", "q", 3), 0);
	assert_string_equal(b.data, "党员:123/q/3");
	assert_int_equal(b.len, strlen("党员:123/q/3"));
	assert_false(b.failed);
	xf_buf_free(&b);
}

static void test_buf_is_nul_terminated_after_every_append(void **state)
{
	xf_buf b;
	(void)state;
	xf_buf_init(&b, 100000);
	assert_int_equal(xf_buf_adds(&b, ""), 0);
	assert_non_null(b.data);
	assert_string_equal(b.data, "");
	for (int i = 0; i < 5000; i++) {
		assert_int_equal(xf_buf_addc(&b, (char)('a' + i % 26)), 0);
		assert_int_equal(b.data[b.len], '\0');
		assert_int_equal(strlen(b.data), b.len);
	}
	xf_buf_free(&b);
}

static void test_buf_grows_past_its_first_allocation(void **state)
{
	xf_buf b;
	char chunk[100];
	(void)state;
	xf_buf_init(&b, 1 << 20);
	for (int i = 0; i < 1000; i++) {
		memset(chunk, 'a' + i % 26, sizeof chunk);
		assert_int_equal(xf_buf_add(&b, chunk, sizeof chunk), 0);
	}
	assert_int_equal(b.len, 100000);
	for (int i = 0; i < 1000; i++)
		assert_int_equal(b.data[i * 100 + 99], 'a' + i % 26);
	xf_buf_free(&b);
}

static void check_addi(int64_t v, const char *want)
{
	xf_buf b;
	xf_buf_init(&b, 64);
	assert_int_equal(xf_buf_addi(&b, v), 0);
	assert_string_equal(b.data, want);
	assert_int_equal(b.len, strlen(want));
	xf_buf_free(&b);
}

static void test_buf_addi_writes_int64_extremes(void **state)
{
	(void)state;
	check_addi(0, "0");
	check_addi(7, "7");
	check_addi(-1, "-1");
	check_addi(10, "10");
	check_addi(-10, "-10");
	check_addi(1234567890123LL, "1234567890123");
	check_addi(INT64_MAX, "9223372036854775807");
	check_addi(INT64_MIN, "-9223372036854775808");
	check_addi(INT64_MIN + 1, "-9223372036854775807");
}

static void test_buf_addi_appends_after_text(void **state)
{
	xf_buf b;
	(void)state;
	xf_buf_init(&b, 64);
	xf_buf_adds(&b, "id=");
	xf_buf_addi(&b, -42);
	xf_buf_addc(&b, ',');
	xf_buf_addi(&b, INT64_MIN);
	assert_string_equal(b.data, "id=-42,-9223372036854775808");
	xf_buf_free(&b);
}

static void test_buf_fills_exactly_to_its_cap(void **state)
{
	xf_buf b;
	(void)state;
	xf_buf_init(&b, 10);
	assert_int_equal(xf_buf_adds(&b, "12345"), 0);
	assert_int_equal(xf_buf_adds(&b, "67890"), 0);
	assert_int_equal(b.len, 10);
	assert_string_equal(b.data, "1234567890");
	assert_false(b.failed);
	xf_buf_free(&b);
}

static void test_buf_append_past_cap_fails_and_sets_failed(void **state)
{
	xf_buf b;
	(void)state;
	xf_buf_init(&b, 10);
	assert_int_equal(xf_buf_adds(&b, "12345678"), 0);
	/* Too long: nothing of it is written. */
	assert_int_equal(xf_buf_adds(&b, "abc"), -1);
	assert_true(b.failed);
	assert_string_equal(b.data, "12345678");
	assert_int_equal(b.len, 8);
	xf_buf_free(&b);
}

static void test_buf_appends_after_a_failure_are_no_ops(void **state)
{
	xf_buf b;
	(void)state;
	xf_buf_init(&b, 10);
	assert_int_equal(xf_buf_adds(&b, "12345"), 0);
	assert_int_equal(xf_buf_adds(&b, "123456"), -1);
	/* These would fit, but the buffer has failed. */
	assert_int_equal(xf_buf_addc(&b, 'x'), -1);
	assert_int_equal(xf_buf_adds(&b, ""), -1);
	assert_int_equal(xf_buf_printf(&b, "%d", 1), -1);
	assert_int_equal(xf_buf_addi(&b, 1), -1);
	assert_string_equal(b.data, "12345");
	assert_true(b.failed);
	xf_buf_free(&b);
}

static void test_buf_printf_past_cap_fails_without_writing(void **state)
{
	xf_buf b;
	(void)state;
	xf_buf_init(&b, 16);
	assert_int_equal(xf_buf_printf(&b, "%s", "0123456789"), 0);
	assert_int_equal(xf_buf_printf(&b, "%s", "0123456"), -1);
	assert_true(b.failed);
	assert_string_equal(b.data, "0123456789");
	xf_buf_free(&b);
}

static void test_buf_addi_past_cap_fails(void **state)
{
	xf_buf b;
	(void)state;
	xf_buf_init(&b, 19);
	assert_int_equal(xf_buf_addi(&b, INT64_MIN), -1); /* 20 chars */
	assert_true(b.failed);
	xf_buf_clear(&b);
	assert_int_equal(xf_buf_addi(&b, INT64_MAX), 0); /* 19 chars */
	assert_string_equal(b.data, "9223372036854775807");
	xf_buf_free(&b);
}

static void test_buf_with_cap_0_holds_nothing(void **state)
{
	xf_buf b;
	(void)state;
	xf_buf_init(&b, 0);
	assert_int_equal(xf_buf_adds(&b, ""), 0);
	assert_string_equal(b.data, "");
	assert_int_equal(xf_buf_addc(&b, 'x'), -1);
	assert_true(b.failed);
	xf_buf_free(&b);
}

static void test_buf_refuses_absurd_sizes_without_overflow(void **state)
{
	xf_buf b;
	(void)state;
	xf_buf_init(&b, 100);
	assert_int_equal(xf_buf_adds(&b, "abc"), 0);
	assert_int_equal(xf_buf_add(&b, "", SIZE_MAX), -1);
	assert_true(b.failed);
	xf_buf_clear(&b);
	assert_int_equal(xf_buf_adds(&b, "abc"), 0);
	assert_int_equal(xf_buf_add(&b, "", SIZE_MAX - 2), -1);
	assert_string_equal(b.data, "abc");
	xf_buf_free(&b);
}

static void test_buf_clear_empties_it_and_forgets_the_failure(void **state)
{
	xf_buf b;
	(void)state;
	xf_buf_init(&b, 4);
	assert_int_equal(xf_buf_adds(&b, "abcde"), -1);
	assert_true(b.failed);
	xf_buf_clear(&b);
	assert_false(b.failed);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 4);
	assert_int_equal(xf_buf_adds(&b, "abcd"), 0);
	assert_string_equal(b.data, "abcd");
	xf_buf_clear(&b);
	assert_string_equal(b.data, "");
	xf_buf_free(&b);
}

static void test_buf_detach_hands_over_the_bytes(void **state)
{
	xf_buf b;
	(void)state;
	xf_buf_init(&b, 100);
	xf_buf_adds(&b, "先锋榜");
	char *s = xf_buf_detach(&b);
	assert_string_equal(s, "先锋榜");
	/* The buffer is empty again and keeps its cap. */
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 100);
	assert_int_equal(xf_buf_adds(&b, "x"), 0);
	assert_string_equal(b.data, "x");
	assert_string_equal(s, "先锋榜");
	free(s);
	xf_buf_free(&b);
}

static void test_buf_free_leaves_a_usable_empty_buffer(void **state)
{
	xf_buf b;
	(void)state;
	xf_buf_init(&b, 8);
	xf_buf_adds(&b, "123456789");
	xf_buf_free(&b);
	assert_null(b.data);
	assert_false(b.failed);
	assert_int_equal(b.cap, 8);
	assert_int_equal(xf_buf_adds(&b, "12345678"), 0);
	xf_buf_free(&b);
	xf_buf_free(&b); /* twice is harmless */
}

static void test_buf_printf_of_long_text_grows_the_buffer(void **state)
{
	xf_buf b;
	char *big = malloc(5000);
	(void)state;
	assert_non_null(big);
	memset(big, 'y', 4999);
	big[4999] = '\0';
	xf_buf_init(&b, 10000);
	assert_int_equal(xf_buf_adds(&b, "["), 0);
	assert_int_equal(xf_buf_printf(&b, "%s]", big), 0);
	assert_int_equal(b.len, 5001);
	assert_int_equal(b.data[5000], ']');
	assert_int_equal(b.data[5001], '\0');
	assert_int_equal(xf_buf_printf(&b, "%s", big), 0);
	assert_int_equal(xf_buf_printf(&b, "%s", big), -1);
	assert_int_equal(b.len, 10000);
	xf_buf_free(&b);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_arena_memory_is_aligned_for_any_type),
	    cmocka_unit_test(test_arena_allocations_never_overlap),
	    cmocka_unit_test(
	        test_arena_zero_byte_allocation_is_a_distinct_pointer),
	    cmocka_unit_test(test_arena_refuses_allocations_past_its_cap),
	    cmocka_unit_test(test_arena_cap_counts_rounded_up_sizes),
	    cmocka_unit_test(test_arena_big_allocation_past_cap_is_refused),
	    cmocka_unit_test(
	        test_arena_big_block_keeps_the_current_block_in_use),
	    cmocka_unit_test(
	        test_arena_block_sized_allocations_fill_whole_blocks),
	    cmocka_unit_test(test_arena_refuses_absurd_sizes_without_overflow),
	    cmocka_unit_test(test_arena_calloc_returns_zeroed_memory),
	    cmocka_unit_test(test_arena_strndup_copies_exactly_len_bytes),
	    cmocka_unit_test(
	        test_arena_printf_formats_long_strings_across_blocks),
	    cmocka_unit_test(test_arena_can_be_used_again_after_reset),
	    cmocka_unit_test(test_buf_appends_bytes_strings_chars_and_printf),
	    cmocka_unit_test(test_buf_is_nul_terminated_after_every_append),
	    cmocka_unit_test(test_buf_grows_past_its_first_allocation),
	    cmocka_unit_test(test_buf_addi_writes_int64_extremes),
	    cmocka_unit_test(test_buf_addi_appends_after_text),
	    cmocka_unit_test(test_buf_fills_exactly_to_its_cap),
	    cmocka_unit_test(test_buf_append_past_cap_fails_and_sets_failed),
	    cmocka_unit_test(test_buf_appends_after_a_failure_are_no_ops),
	    cmocka_unit_test(test_buf_printf_past_cap_fails_without_writing),
	    cmocka_unit_test(test_buf_addi_past_cap_fails),
	    cmocka_unit_test(test_buf_with_cap_0_holds_nothing),
	    cmocka_unit_test(test_buf_refuses_absurd_sizes_without_overflow),
	    cmocka_unit_test(test_buf_clear_empties_it_and_forgets_the_failure),
	    cmocka_unit_test(test_buf_detach_hands_over_the_bytes),
	    cmocka_unit_test(test_buf_free_leaves_a_usable_empty_buffer),
	    cmocka_unit_test(test_buf_printf_of_long_text_grows_the_buffer),
	};
	return cmocka_run_group_tests_name("arena_buf", tests, NULL, NULL);
}
