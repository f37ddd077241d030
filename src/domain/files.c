/*
 * files.c - accepted file types and their recognition, file names; see
 * files.h. Pure.
 */
#include "domain/files.h"

#include "base/utf8.h"

#include <stdint.h>
#include <string.h>

#define T_DOCX                                                                 \
	"application/"                                                         \
	"vnd.openxmlformats-officedocument.wordprocessingml.document"
#define T_XLSX                                                                 \
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#define T_PPTX                                                                 \
	"application/"                                                         \
	"vnd.openxmlformats-officedocument.presentationml.presentation"

/* What the bytes say. */
enum {
	K_NONE,
	K_JPEG,
	K_PNG,
	K_GIF,
	K_WEBP,
	K_PDF,
	K_DOCX,
	K_XLSX,
	K_PPTX,
	K_OFD,
	K_OLE, /* Compound File: .doc or .xls, not told apart here */
	K_ZIP, /* another ZIP */
	K_MP4, /* ISO base media of an MP4 brand (lecture videos) */
};

static const struct {
	const char *type;
	int kind;
	int inline_ok;
} types[] = {
    {"image/jpeg", K_JPEG, 1},
    {"image/png", K_PNG, 1},
    {"image/gif", K_GIF, 1},
    {"image/webp", K_WEBP, 1},
    {"application/pdf", K_PDF, 1},
    {T_DOCX, K_DOCX, 0},
    {T_XLSX, K_XLSX, 0},
    {T_PPTX, K_PPTX, 0},
    {"application/ofd", K_OFD, 0},
    {"application/msword", K_OLE, 0},
    {"application/vnd.ms-excel", K_OLE, 0},
    {"video/mp4", K_MP4, 1},
};
#define NTYPES (sizeof types / sizeof types[0])

const char *const xf_file_types[] = {
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/webp",
    "application/pdf",
    T_DOCX,
    T_XLSX,
    T_PPTX,
    "application/ofd",
    "application/msword",
    "application/vnd.ms-excel",
    "video/mp4",
    NULL,
};

static unsigned rd16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static uint32_t rd32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static int has_prefix(const unsigned char *name, size_t len, const char *pre)
{
	size_t k = strlen(pre);
	return len >= k && memcmp(name, pre, k) == 0;
}

/*
 * Reads the ZIP central directory (found through the end record in the
 * last 64 KiB) and tells the package formats apart by their part names:
 * [Content_Types].xml with word/, xl/ or ppt/; OFD.xml at the root.
 */
static int zip_kind(const unsigned char *p, size_t n)
{
	if (n < 22 || memcmp(p, "PK\3\4", 4) != 0)
		return K_NONE;
	size_t lowest = n - 22 > 65535 ? n - 22 - 65535 : 0;
	size_t e = n - 22 + 1;
	int found = 0;
	while (e-- > lowest) {
		if (memcmp(p + e, "PK\5\6", 4) == 0) {
			found = 1;
			break;
		}
	}
	if (!found)
		return K_NONE;
	unsigned entries = rd16(p + e + 10);
	uint32_t cd_size = rd32(p + e + 12), cd_off = rd32(p + e + 16);
	if (cd_off > e || cd_size > e - cd_off)
		return K_NONE; /* also ZIP64 (0xFFFFFFFF) */
	int ct = 0, word = 0, xl = 0, ppt = 0, ofd = 0;
	size_t q = cd_off, end = (size_t)cd_off + cd_size;
	for (unsigned i = 0; i < entries; i++) {
		if (end - q < 46 || memcmp(p + q, "PK\1\2", 4) != 0)
			return K_NONE;
		size_t nl = rd16(p + q + 28), xl_len = rd16(p + q + 30),
		       cl = rd16(p + q + 32);
		if (end - q - 46 < nl + xl_len + cl)
			return K_NONE;
		const unsigned char *name = p + q + 46;
		if (nl == 19 && memcmp(name, "[Content_Types].xml", 19) == 0)
			ct = 1;
		else if (has_prefix(name, nl, "word/"))
			word = 1;
		else if (has_prefix(name, nl, "xl/"))
			xl = 1;
		else if (has_prefix(name, nl, "ppt/"))
			ppt = 1;
		else if (nl == 7 && memcmp(name, "OFD.xml", 7) == 0)
			ofd = 1;
		q += 46 + nl + xl_len + cl;
	}
	if (ct && word + xl + ppt == 1)
		return word ? K_DOCX : xl ? K_XLSX : K_PPTX;
	if (ofd)
		return K_OFD;
	return K_ZIP;
}

/* Whether the major brand of an ISO base media file (the 4 bytes after
 * "ftyp") is one of MP4 video; QuickTime ("qt  ") and others are not. */
static int mp4_brand(const unsigned char *b)
{
	static const char brands[][5] = {"isom", "iso2", "iso4", "iso5",
	                                 "iso6", "mp41", "mp42", "avc1",
	                                 "M4V ", "dash"};
	for (size_t i = 0; i < sizeof brands / sizeof brands[0]; i++)
		if (memcmp(b, brands[i], 4) == 0)
			return 1;
	return 0;
}

static int sniff(const unsigned char *p, size_t n)
{
	static const unsigned char png[8] = {0x89, 'P',  'N',  'G',
	                                     0x0d, 0x0a, 0x1a, 0x0a};
	static const unsigned char ole[8] = {0xd0, 0xcf, 0x11, 0xe0,
	                                     0xa1, 0xb1, 0x1a, 0xe1};
	if (n >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff)
		return K_JPEG;
	if (n >= 8 && memcmp(p, png, 8) == 0)
		return K_PNG;
	if (n >= 6 &&
	    (memcmp(p, "GIF87a", 6) == 0 || memcmp(p, "GIF89a", 6) == 0))
		return K_GIF;
	if (n >= 12 && memcmp(p, "RIFF", 4) == 0 &&
	    memcmp(p + 8, "WEBP", 4) == 0)
		return K_WEBP;
	if (n >= 5 && memcmp(p, "%PDF-", 5) == 0)
		return K_PDF;
	if (n >= 8 && memcmp(p, ole, 8) == 0)
		return K_OLE;
	if (n >= 12 && memcmp(p + 4, "ftyp", 4) == 0)
		return mp4_brand(p + 8) ? K_MP4 : K_NONE;
	return zip_kind(p, n);
}

/* Lower-cases the media type of a Content-Type value (no parameters,
 * no blanks) into out; "" when it does not fit. */
static void media_type(const char *s, char *out, size_t outsz)
{
	size_t k = 0;
	while (*s == ' ' || *s == '\t')
		s++;
	for (; *s && *s != ';' && *s != ' ' && *s != '\t'; s++) {
		if (k + 1 >= outsz) {
			k = 0;
			break;
		}
		char c = *s;
		out[k++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	out[k] = '\0';
}

int xf_file_type(const char *declared, const unsigned char *p, size_t n,
                 const char **type)
{
	char mt[128];
	media_type(declared ? declared : "", mt, sizeof mt);
	int kind = sniff(p, n);
	*type = NULL;
	if (!*mt || strcmp(mt, "application/octet-stream") == 0) {
		for (size_t i = 0; i < NTYPES; i++)
			if (kind != K_OLE && types[i].kind == kind) {
				*type = types[i].type;
				return XF_FILE_OK;
			}
		return XF_FILE_UNKNOWN;
	}
	for (size_t i = 0; i < NTYPES; i++) {
		if (strcmp(mt, types[i].type) != 0)
			continue;
		if (types[i].kind != kind)
			return XF_FILE_MISMATCH;
		*type = types[i].type;
		return XF_FILE_OK;
	}
	return XF_FILE_UNSUPPORTED;
}

int xf_file_type_inline(const char *type)
{
	for (size_t i = 0; type && i < NTYPES; i++)
		if (strcmp(type, types[i].type) == 0)
			return types[i].inline_ok;
	return 0;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int xf_percent_decode(const char *s, size_t n, char *out, size_t outsz)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '%') {
			if (n - i < 3)
				return -1;
			int hi = hexval(s[i + 1]), lo = hexval(s[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			c = (char)(hi << 4 | lo);
			i += 2;
		}
		if (k + 1 >= outsz)
			return -1;
		out[k++] = c;
	}
	if (outsz == 0)
		return -1;
	out[k] = '\0';
	return (int)k;
}

int xf_file_name_clean(const char *s, size_t n, char *out, size_t outsz)
{
	/* the last path component: some browsers send C:\dir\name.jpg */
	for (size_t i = n; i > 0; i--)
		if (s[i - 1] == '/' || s[i - 1] == '\\') {
			s += i;
			n -= i;
			break;
		}
	while (n > 0 && (s[0] == ' ' || s[0] == '\t'))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0 || n + 1 > outsz || !xf_utf8_valid(s, n))
		return -1;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7f)
			return -1;
	}
	size_t chars = xf_utf8_chars(s, n);
	if (chars > XF_FILE_NAME_MAX)
		return -1;
	if ((n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' && s[1] == '.'))
		return -1;
	memcpy(out, s, n);
	out[n] = '\0';
	return 0;
}

/* RFC 5987 attr-char: sent as is in filename*. */
static int attr_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || (c && strchr("!#$&+-.^_`|~", c));
}

int xf_file_disposition(const char *disposition, const char *name, char *out,
                        size_t outsz)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t k = 0;
#define PUT(c)                                                                 \
	do {                                                                   \
		if (k + 1 >= outsz)                                            \
			return -1;                                             \
		out[k++] = (c);                                                \
	} while (0)
	for (const char *d = disposition; *d; d++)
		PUT(*d);
	for (const char *t = "; filename=\""; *t; t++)
		PUT(*t);
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if (*p >= 0x80) {
			if ((*p & 0xc0) != 0x80)
				PUT('_'); /* one '_' per non-ASCII character */
		} else if (*p == '"' || *p == '\\' || *p < 0x20 || *p == 0x7f) {
			PUT('_');
		} else {
			PUT((char)*p);
		}
	}
	for (const char *t = "\"; filename*=UTF-8''"; *t; t++)
		PUT(*t);
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if (attr_char(*p)) {
			PUT((char)*p);
		} else {
			PUT('%');
			PUT(hex[*p >> 4]);
			PUT(hex[*p & 15]);
		}
	}
#undef PUT
	if (outsz == 0)
		return -1;
	out[k] = '\0';
	return 0;
}
