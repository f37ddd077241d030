/*
 * test_seal.c - unit tests of sealing personal data and its blind index
 * (base/seal.h): a value opens with its key and kind only, sealing twice
 * gives two texts, tampering is detected, the key id tells keys apart, the
 * blind index is keyed and normalizes, and keys parse from hex and base64.
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

#include "base/seal.h"

static const char hex1[] =
    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
static const char hex2[] =
    "ff0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

static void key(xf_seal_key *k, const char *hex)
{
	assert_int_equal(xf_seal_key_parse(k, hex), 0);
	assert_true(k->set);
}

static void test_sealed_value_opens_with_its_key_and_kind(void **state)
{
	(void)state;
	xf_seal_key k;
	key(&k, hex1);
	char s[XF_SEAL_MAX], p[XF_SEAL_MAX_PLAIN + 1];
	const char *idn = "33020119900307123X";
	assert_ptr_equal(xf_seal(&k, XF_SEAL_ID_NUMBER, idn, s), s);
	assert_int_equal(strncmp(s, "xf1:", 4), 0);
	assert_null(strstr(s, idn));
	assert_true(xf_seal_is_sealed(s, NULL));
	assert_int_equal(xf_seal_open(&k, XF_SEAL_ID_NUMBER, s, p), XF_SEAL_OK);
	assert_string_equal(p, idn);
	/* the kind is bound: an ID number does not open as a phone */
	assert_int_equal(xf_seal_open(&k, XF_SEAL_PHONE, s, p), XF_SEAL_BAD);
	assert_string_equal(p, "");
}

static void test_sealing_twice_gives_two_texts(void **state)
{
	(void)state;
	xf_seal_key k;
	key(&k, hex1);
	char a[XF_SEAL_MAX], b[XF_SEAL_MAX];
	xf_seal(&k, XF_SEAL_PHONE, "13812345678", a);
	xf_seal(&k, XF_SEAL_PHONE, "13812345678", b);
	assert_string_not_equal(a, b);
}

static void test_another_key_is_told_by_its_key_id(void **state)
{
	(void)state;
	xf_seal_key k1, k2;
	key(&k1, hex1);
	key(&k2, hex2);
	assert_string_not_equal(k1.kid, k2.kid);
	char s[XF_SEAL_MAX], p[XF_SEAL_MAX_PLAIN + 1], kid[XF_SEAL_KID_LEN];
	xf_seal(&k1, XF_SEAL_PHONE, "13812345678", s);
	assert_true(xf_seal_is_sealed(s, kid));
	assert_string_equal(kid, k1.kid);
	assert_int_equal(xf_seal_open(&k2, XF_SEAL_PHONE, s, p),
	                 XF_SEAL_OTHER_KEY);
	/* a forged key id does not help: the tag does not authenticate */
	memcpy(s + 4, k2.kid, 8);
	assert_int_equal(xf_seal_open(&k2, XF_SEAL_PHONE, s, p), XF_SEAL_BAD);
}

static void test_tampered_or_cut_text_does_not_open(void **state)
{
	(void)state;
	xf_seal_key k;
	key(&k, hex1);
	char s[XF_SEAL_MAX], p[XF_SEAL_MAX_PLAIN + 1];
	xf_seal(&k, XF_SEAL_PHONE, "13812345678", s);
	size_t n = strlen(s);
	s[n - 3] = s[n - 3] == 'A' ? 'B' : 'A';
	assert_int_equal(xf_seal_open(&k, XF_SEAL_PHONE, s, p), XF_SEAL_BAD);
	xf_seal(&k, XF_SEAL_PHONE, "13812345678", s);
	s[20] = '\0';
	assert_int_equal(xf_seal_open(&k, XF_SEAL_PHONE, s, p), XF_SEAL_BAD);
	assert_int_equal(xf_seal_open(&k, XF_SEAL_PHONE, "xf1:zz", p),
	                 XF_SEAL_CLEAR);
}

static void test_clear_values_are_reported_as_clear(void **state)
{
	(void)state;
	xf_seal_key k;
	key(&k, hex1);
	char p[XF_SEAL_MAX_PLAIN + 1] = "untouched";
	assert_int_equal(
	    xf_seal_open(&k, XF_SEAL_ID_NUMBER, "330201199003071234", p),
	    XF_SEAL_CLEAR);
	assert_string_equal(p, "untouched");
	assert_false(xf_seal_is_sealed("330201199003071234", NULL));
}

static void test_too_long_or_missing_values_are_not_sealed(void **state)
{
	(void)state;
	xf_seal_key k, none;
	key(&k, hex1);
	memset(&none, 0, sizeof none);
	char s[XF_SEAL_MAX], big[XF_SEAL_MAX_PLAIN + 2];
	memset(big, '1', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_null(xf_seal(&k, XF_SEAL_PHONE, big, s));
	big[XF_SEAL_MAX_PLAIN] = '\0'; /* the longest that fits */
	assert_non_null(xf_seal(&k, XF_SEAL_PHONE, big, s));
	assert_true(strlen(s) < XF_SEAL_MAX);
	assert_null(xf_seal(&k, XF_SEAL_PHONE, NULL, s));
	assert_null(xf_seal(&none, XF_SEAL_PHONE, "1", s));
	assert_null(xf_seal(NULL, XF_SEAL_PHONE, "1", s));
}

static void test_blind_index_is_keyed_and_normalized(void **state)
{
	(void)state;
	xf_seal_key k1, k2;
	key(&k1, hex1);
	key(&k2, hex2);
	char a[XF_SEAL_INDEX_LEN], b[XF_SEAL_INDEX_LEN];
	xf_seal_index(&k1, "33020119900307123X", a);
	assert_int_equal(strlen(a), 32);
	xf_seal_index(&k1, " 33020119900307123x ", b);
	assert_string_equal(a, b);
	xf_seal_index(&k2, "33020119900307123X", b);
	assert_string_not_equal(a, b);
	xf_seal_index(&k1, "330201199003071234", b);
	assert_string_not_equal(a, b);
	assert_null(strstr(a, "3302011990"));
}

static void test_keys_parse_from_hex_and_base64_only(void **state)
{
	(void)state;
	xf_seal_key a, b;
	key(&a, hex1);
	/* the same 32 bytes in base64, with a newline as a file has */
	assert_int_equal(
	    xf_seal_key_parse(&b,
	                      "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n"),
	    0);
	assert_string_equal(a.kid, b.kid);
	assert_memory_equal(a.seal, b.seal, sizeof a.seal);
	assert_int_equal(xf_seal_key_parse(&b, "00"), -1);
	assert_int_equal(xf_seal_key_parse(&b, ""), -1);
	char bad[65];
	memcpy(bad, hex1, 65);
	bad[10] = 'g';
	assert_int_equal(xf_seal_key_parse(&b, bad), -1);
	xf_seal_key_wipe(&a);
	assert_false(a.set);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sealed_value_opens_with_its_key_and_kind),
	    cmocka_unit_test(test_sealing_twice_gives_two_texts),
	    cmocka_unit_test(test_another_key_is_told_by_its_key_id),
	    cmocka_unit_test(test_tampered_or_cut_text_does_not_open),
	    cmocka_unit_test(test_clear_values_are_reported_as_clear),
	    cmocka_unit_test(test_too_long_or_missing_values_are_not_sealed),
	    cmocka_unit_test(test_blind_index_is_keyed_and_normalized),
	    cmocka_unit_test(test_keys_parse_from_hex_and_base64_only),
	};
	return cmocka_run_group_tests_name("seal", tests, NULL, NULL);
}
