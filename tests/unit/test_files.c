/*
 * test_files.c - unit tests of the rules for uploaded files
 * (domain/files.h): type recognition, file names, Content-Disposition.
 */
/* cmocka.h needs these before it, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on

#include <string.h>

#include "domain/files.h"

#define DOCX                                                                   \
	"application/"                                                         \
	"vnd.openxmlformats-officedocument.wordprocessingml.document"

static const unsigned char png[] = {0x89, 'P',  'N', 'G', 0x0d, 0x0a,
                                    0x1a, 0x0a, 0,   0,   0,    13};
static const unsigned char jpeg[] = {0xff, 0xd8, 0xff, 0xe0, 0, 16};

/* A ZIP with one stored, empty entry per name (enough for the central
 * directory the rules read). Returns its length. */
static size_t zip(unsigned char *out, const char *const *names, int n)
{
	size_t k = 0, cd;
	size_t offs[8];
	for (int i = 0; i < n; i++) {
		size_t nl = strlen(names[i]);
		offs[i] = k;
		memset(out + k, 0, 30);
		memcpy(out + k, "PK\3\4", 4);
		out[k + 26] = (unsigned char)nl;
		memcpy(out + k + 30, names[i], nl);
		k += 30 + nl;
	}
	cd = k;
	for (int i = 0; i < n; i++) {
		size_t nl = strlen(names[i]);
		memset(out + k, 0, 46);
		memcpy(out + k, "PK\1\2", 4);
		out[k + 28] = (unsigned char)nl;
		out[k + 42] = (unsigned char)offs[i];
		memcpy(out + k + 46, names[i], nl);
		k += 46 + nl;
	}
	memset(out + k, 0, 22);
	memcpy(out + k, "PK\5\6", 4);
	out[k + 8] = out[k + 10] = (unsigned char)n;
	out[k + 12] = (unsigned char)(k - cd);
	out[k + 16] = (unsigned char)cd;
	return k + 22;
}

static void test_images_and_pdf_are_recognized_by_their_magic(void **state)
{
	(void)state;
	const char *t;
	assert_int_equal(xf_file_type("image/png", png, sizeof png, &t),
	                 XF_FILE_OK);
	assert_string_equal(t, "image/png");
	assert_int_equal(xf_file_type("Image/JPEG; x=1", jpeg, sizeof jpeg, &t),
	                 XF_FILE_OK);
	assert_string_equal(t, "image/jpeg");
	assert_int_equal(
	    xf_file_type(NULL, (const unsigned char *)"%PDF-1.7", 8, &t),
	    XF_FILE_OK);
	assert_string_equal(t, "application/pdf");
	/* an MP4 video (a lecture's) by its ftyp box; QuickTime is not */
	static const unsigned char mp4[16] = {
	    0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0};
	assert_int_equal(xf_file_type(NULL, mp4, sizeof mp4, &t), XF_FILE_OK);
	assert_string_equal(t, "video/mp4");
	unsigned char mov[16];
	memcpy(mov, mp4, sizeof mov);
	memcpy(mov + 8, "qt  ", 4);
	assert_int_equal(xf_file_type("video/mp4", mov, sizeof mov, &t),
	                 XF_FILE_MISMATCH);
}

static void test_declared_type_must_match_the_bytes(void **state)
{
	(void)state;
	const char *t;
	assert_int_equal(xf_file_type("image/jpeg", png, sizeof png, &t),
	                 XF_FILE_MISMATCH);
	assert_int_equal(xf_file_type("image/png", png, 4, &t),
	                 XF_FILE_MISMATCH);
	assert_int_equal(xf_file_type("text/html", png, sizeof png, &t),
	                 XF_FILE_UNSUPPORTED);
	assert_int_equal(xf_file_type("application/octet-stream",
	                              (const unsigned char *)"hello", 5, &t),
	                 XF_FILE_UNKNOWN);
}

static void test_office_packages_are_told_apart_by_their_parts(void **state)
{
	(void)state;
	unsigned char buf[1024];
	const char *t;
	const char *docx[] = {"[Content_Types].xml", "word/document.xml"};
	const char *xlsx[] = {"[Content_Types].xml", "xl/workbook.xml"};
	const char *plain[] = {"readme.txt"};
	size_t n = zip(buf, docx, 2);
	assert_int_equal(xf_file_type(DOCX, buf, n, &t), XF_FILE_OK);
	assert_string_equal(t, DOCX);
	assert_int_equal(xf_file_type(NULL, buf, n, &t), XF_FILE_OK);
	assert_string_equal(t, DOCX);
	n = zip(buf, xlsx, 2);
	assert_int_equal(xf_file_type(DOCX, buf, n, &t), XF_FILE_MISMATCH);
	n = zip(buf, plain, 1);
	assert_int_equal(xf_file_type(DOCX, buf, n, &t), XF_FILE_MISMATCH);
	assert_int_equal(xf_file_type(NULL, buf, n, &t), XF_FILE_UNKNOWN);
	/* a cut archive has no central directory */
	n = zip(buf, docx, 2);
	assert_int_equal(xf_file_type(DOCX, buf, n - 1, &t), XF_FILE_MISMATCH);
}

static void test_file_names_are_decoded_and_tidied(void **state)
{
	(void)state;
	char dec[256], out[256];
	const char *enc = "%E4%BC%9A%E8%AE%AE%20%E7%85%A7%E7%89%87.png";
	int n = xf_percent_decode(enc, strlen(enc), dec, sizeof dec);
	assert_true(n > 0);
	assert_int_equal(xf_file_name_clean(dec, (size_t)n, out, sizeof out),
	                 0);
	assert_string_equal(out, "会议 照片.png");
	assert_int_equal(xf_percent_decode("a%2", 3, dec, sizeof dec), -1);
	assert_int_equal(xf_percent_decode("a%zz", 4, dec, sizeof dec), -1);
	const char *p = "C:\\照片\\ 合影.jpg ";
	assert_int_equal(xf_file_name_clean(p, strlen(p), out, sizeof out), 0);
	assert_string_equal(out, "合影.jpg");
	assert_int_equal(xf_file_name_clean("..", 2, out, sizeof out), -1);
	assert_int_equal(xf_file_name_clean("a/", 2, out, sizeof out), -1);
	assert_int_equal(xf_file_name_clean("a\x01", 2, out, sizeof out), -1);
	assert_int_equal(xf_file_name_clean("\xff.png", 5, out, sizeof out),
	                 -1);
}

static void test_disposition_has_ascii_fallback_and_rfc5987_name(void **state)
{
	(void)state;
	char out[512];
	assert_int_equal(
	    xf_file_disposition("inline", "会议 \"1\".png", out, sizeof out),
	    0);
	assert_string_equal(out, "inline; filename=\"__ _1_.png\"; "
	                         "filename*=UTF-8''%E4%BC%9A%E8%AE%AE%20%221%22"
	                         ".png");
	assert_int_equal(xf_file_disposition("attachment", "a.pdf", out, 20),
	                 -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_images_and_pdf_are_recognized_by_their_magic),
	    cmocka_unit_test(test_declared_type_must_match_the_bytes),
	    cmocka_unit_test(
	        test_office_packages_are_told_apart_by_their_parts),
	    cmocka_unit_test(test_file_names_are_decoded_and_tidied),
	    cmocka_unit_test(
	        test_disposition_has_ascii_fallback_and_rfc5987_name),
	};
	return cmocka_run_group_tests_name("files", tests, NULL, NULL);
}
