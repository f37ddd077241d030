/*
 * files.h - rules for uploaded files (attachments of meetings): the types
 * accepted, recognized by their first bytes (magic numbers, and for the
 * Office Open XML and OFD formats by the ZIP central directory); file names
 * as sent by browsers (percent-encoded UTF-8) and as answered in a
 * Content-Disposition header (RFC 6266 / RFC 5987 filename*).
 *
 * Pure: no allocation, no I/O. Every function reads at most the n bytes it
 * is given and writes at most outsz bytes (always NUL-terminated).
 */
#ifndef XF_DOMAIN_FILES_H
#define XF_DOMAIN_FILES_H

#include <stddef.h>

/* Largest file accepted (also the body limit of the upload route). */
#define XF_FILE_MAX_BYTES (20u << 20)
/* Longest file name, in characters. */
#define XF_FILE_NAME_MAX 100

enum {
	XF_FILE_OK = 0,
	XF_FILE_UNSUPPORTED = -1, /* the declared type is not accepted */
	XF_FILE_MISMATCH = -2,    /* the bytes are not of the declared type */
	XF_FILE_UNKNOWN = -3,     /* no type declared and none recognized */
};

/*
 * Decides the type of an upload from the declared Content-Type (parameters
 * such as "; charset=" and case ignored; NULL, "" or
 * application/octet-stream: recognize from the bytes) and the bytes
 * p[0..n). On XF_FILE_OK *type is the canonical media type (static).
 */
int xf_file_type(const char *declared, const unsigned char *p, size_t n,
                 const char **type);

/* The media types accepted, NULL-terminated (for messages and docs). */
extern const char *const xf_file_types[];

/* Whether browsers may show the type in place (images, PDF). */
int xf_file_type_inline(const char *type);

/*
 * Decodes %XX escapes of s[0..n) into out ('+' stays '+'). Returns the
 * decoded length, or -1 on a bad escape or when out is too small.
 */
int xf_percent_decode(const char *s, size_t n, char *out, size_t outsz);

/*
 * Checks and tidies a file name s[0..n): keeps the part after the last
 * '/' or '\', trims blanks, and requires valid UTF-8 without control
 * characters, 1..XF_FILE_NAME_MAX characters, not "." or "..". Returns 0
 * with the name in out, or -1.
 */
int xf_file_name_clean(const char *s, size_t n, char *out, size_t outsz);

/*
 * Writes a Content-Disposition value for a clean file name: disposition
 * ("inline" or "attachment"), an ASCII fallback filename="..." (other
 * characters as '_') and filename*=UTF-8''<percent-encoded>. Returns 0,
 * or -1 when out is too small.
 */
int xf_file_disposition(const char *disposition, const char *name, char *out,
                        size_t outsz);

#endif
