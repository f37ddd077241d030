/*
 * seal.c - sealing of personal data, its blind index and the data key
 * (see seal.h for the format and the choices).
 */
#include "base/seal.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PREFIX     "xf1:"
#define PREFIX_LEN 4
#define HEAD_LEN   (PREFIX_LEN + 8 + 1) /* "xf1:" KEYID ":" */
#define NONCE      crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG        crypto_aead_xchacha20poly1305_ietf_ABYTES
#define BIN_MAX    (NONCE + XF_SEAL_MAX_PLAIN + TAG)
#define B64        sodium_base64_VARIANT_URLSAFE_NO_PADDING

/* crypto_kdf contexts: 8 characters each */
static const char kdf_ctx[crypto_kdf_CONTEXTBYTES] = {'x', 'f', 'd', 'a',
                                                      't', 'a', 'k', '1'};
enum { SUB_SEAL = 1, SUB_INDEX = 2, SUB_KID = 3 };

static const xf_seal_key *current;
static char source[300];

int xf_seal_key_init(xf_seal_key *k, const unsigned char master[32])
{
	unsigned char id[16];
	memset(k, 0, sizeof *k);
	if (sodium_init() < 0)
		return -1;
	if (crypto_kdf_derive_from_key(k->seal, sizeof k->seal, SUB_SEAL,
	                               kdf_ctx, master) != 0 ||
	    crypto_kdf_derive_from_key(k->index, sizeof k->index, SUB_INDEX,
	                               kdf_ctx, master) != 0 ||
	    crypto_kdf_derive_from_key(id, sizeof id, SUB_KID, kdf_ctx,
	                               master) != 0)
		return -1;
	sodium_bin2hex(k->kid, sizeof k->kid, id, 4);
	sodium_memzero(id, sizeof id);
	k->set = 1;
	return 0;
}

int xf_seal_key_parse(xf_seal_key *k, const char *text)
{
	unsigned char master[32];
	size_t n = 0;
	const char *end = NULL;
	while (*text == ' ' || *text == '\t' || *text == '\n' || *text == '\r')
		text++;
	size_t len = strlen(text);
	while (len && strchr(" \t\r\n", text[len - 1]))
		len--;
	int rc = -1;
	if (len == 64)
		rc = sodium_hex2bin(master, sizeof master, text, len, NULL, &n,
		                    &end);
	else if (len == 43 || len == 44)
		rc = sodium_base642bin(
		    master, sizeof master, text, len, NULL, &n, &end,
		    len == 44 ? sodium_base64_VARIANT_ORIGINAL
		              : sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
	if (rc == 0 && (n != 32 || end != text + len))
		rc = -1;
	if (rc == 0)
		rc = xf_seal_key_init(k, master);
	sodium_memzero(master, sizeof master);
	return rc;
}

void xf_seal_key_wipe(xf_seal_key *k)
{
	sodium_memzero(k, sizeof *k);
}

/*
 * A fresh nonce without a system call per value (getrandom costs more
 * than the sealing itself, and the scale generator seals two per row): 16
 * random bytes drawn once per thread, then a 64-bit counter. XChaCha20's
 * 24-byte nonces only have to be unique under a key; two threads (or
 * processes) meet on a prefix with probability 2^-128.
 */
static void next_nonce(unsigned char n[NONCE])
{
	static _Thread_local unsigned char base[NONCE - 8];
	static _Thread_local uint64_t count;
	if (count == 0)
		randombytes_buf(base, sizeof base);
	count++;
	memcpy(n, base, sizeof base);
	for (int i = 0; i < 8; i++)
		n[sizeof base + (size_t)i] = (unsigned char)(count >> (8 * i));
}

const char *xf_seal(const xf_seal_key *k, xf_seal_kind kind, const char *plain,
                    char out[XF_SEAL_MAX])
{
	if (!plain || !k || !k->set)
		return NULL;
	size_t n = strlen(plain);
	if (n > XF_SEAL_MAX_PLAIN)
		return NULL;
	unsigned char bin[BIN_MAX];
	unsigned char ad = (unsigned char)kind;
	unsigned long long clen = 0;
	next_nonce(bin);
	crypto_aead_xchacha20poly1305_ietf_encrypt(
	    bin + NONCE, &clen, (const unsigned char *)plain, n, &ad, 1, NULL,
	    bin, k->seal);
	memcpy(out, PREFIX, PREFIX_LEN);
	memcpy(out + PREFIX_LEN, k->kid, 8);
	out[PREFIX_LEN + 8] = ':';
	sodium_bin2base64(out + HEAD_LEN, XF_SEAL_MAX - HEAD_LEN, bin,
	                  NONCE + (size_t)clen, B64);
	return out;
}

int xf_seal_is_sealed(const char *text, char kid[XF_SEAL_KID_LEN])
{
	if (!text || strncmp(text, PREFIX, PREFIX_LEN) != 0)
		return 0;
	for (int i = 0; i < 8; i++) {
		char ch = text[PREFIX_LEN + i];
		if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f')))
			return 0;
	}
	if (text[PREFIX_LEN + 8] != ':')
		return 0;
	if (kid) {
		memcpy(kid, text + PREFIX_LEN, 8);
		kid[8] = '\0';
	}
	return 1;
}

int xf_seal_open(const xf_seal_key *k, xf_seal_kind kind, const char *text,
                 char out[XF_SEAL_MAX_PLAIN + 1])
{
	char kid[XF_SEAL_KID_LEN];
	if (!xf_seal_is_sealed(text, kid))
		return XF_SEAL_CLEAR;
	out[0] = '\0';
	if (!k || !k->set || strcmp(kid, k->kid) != 0)
		return XF_SEAL_OTHER_KEY;
	const char *b64 = text + HEAD_LEN;
	size_t b64len = strlen(b64);
	if (b64len > sodium_base64_ENCODED_LEN(BIN_MAX, B64))
		return XF_SEAL_BAD;
	unsigned char bin[BIN_MAX];
	size_t n = 0;
	const char *end = NULL;
	if (sodium_base642bin(bin, sizeof bin, b64, b64len, NULL, &n, &end,
	                      B64) != 0 ||
	    end != b64 + b64len || n < NONCE + TAG)
		return XF_SEAL_BAD;
	unsigned char ad = (unsigned char)kind;
	unsigned long long mlen = 0;
	if (crypto_aead_xchacha20poly1305_ietf_decrypt(
	        (unsigned char *)out, &mlen, NULL, bin + NONCE, n - NONCE, &ad,
	        1, bin, k->seal) != 0 ||
	    memchr(out, '\0', (size_t)mlen)) {
		out[0] = '\0';
		return XF_SEAL_BAD;
	}
	out[mlen] = '\0';
	return XF_SEAL_OK;
}

const char *xf_seal_index(const xf_seal_key *k, const char *value,
                          char out[XF_SEAL_INDEX_LEN])
{
	if (!value || !k || !k->set)
		return NULL;
	while (*value == ' ')
		value++;
	size_t n = strlen(value);
	while (n && value[n - 1] == ' ')
		n--;
	if (n > XF_SEAL_MAX_PLAIN)
		return NULL;
	unsigned char norm[XF_SEAL_MAX_PLAIN], h[16];
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)value[i];
		norm[i] =
		    ch >= 'a' && ch <= 'z' ? (unsigned char)(ch - 32) : ch;
	}
	crypto_generichash(h, sizeof h, norm, n, k->index, sizeof k->index);
	sodium_bin2hex(out, XF_SEAL_INDEX_LEN, h, sizeof h);
	return out;
}

/* ---- the key ------------------------------------------------------------ */

/* "what path: the system's reason" into err; -1. */
static int fail(char *err, size_t errlen, const char *what, const char *path)
{
	snprintf(err, errlen, "%s %s: %s", what, path, strerror(errno));
	return -1;
}

int xf_seal_key_read_file(xf_seal_key *k, const char *path, char *err,
                          size_t errlen)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return fail(err, errlen, "cannot read the data key", path);
	struct stat st;
	char text[128];
	ssize_t n = -1;
	if (fstat(fd, &st) == 0 && (st.st_mode & 077)) {
		close(fd);
		snprintf(err, errlen,
		         "the data key %s may be read by others: chmod 600 it",
		         path);
		return -1;
	}
	n = read(fd, text, sizeof text - 1);
	close(fd);
	if (n < 0)
		return fail(err, errlen, "cannot read the data key", path);
	text[n] = '\0';
	int rc = xf_seal_key_parse(k, text);
	sodium_memzero(text, sizeof text);
	if (rc != 0)
		snprintf(err, errlen,
		         "the data key %s is not 32 bytes in hex or base64",
		         path);
	return rc;
}

int xf_seal_key_create_file(const char *path, char *err, size_t errlen)
{
	unsigned char master[32];
	char hex[65], tmp[300];
	if (sodium_init() < 0)
		return fail(err, errlen, "cannot start libsodium", "");
	/* the directory of a default path (data/) may not exist yet */
	const char *slash = strrchr(path, '/');
	if (slash && (size_t)(slash - path) < sizeof tmp) {
		memcpy(tmp, path, (size_t)(slash - path));
		tmp[slash - path] = '\0';
		if (*tmp && mkdir(tmp, 0700) != 0 && errno != EEXIST)
			return fail(err, errlen, "cannot create", tmp);
	}
	if (snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid()) >=
	    (int)sizeof tmp)
		return fail(err, errlen, "key file name too long:", path);
	randombytes_buf(master, sizeof master);
	sodium_bin2hex(hex, sizeof hex, master, sizeof master);
	sodium_memzero(master, sizeof master);
	hex[64] = '\n';
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	int ok = fd >= 0 && write(fd, hex, 65) == 65 && fsync(fd) == 0;
	sodium_memzero(hex, sizeof hex);
	if (fd >= 0)
		close(fd);
	/* link, not rename: a key another process made first stays */
	if (ok && link(tmp, path) != 0) {
		ok = 0;
		if (errno == EEXIST)
			ok = 2;
	}
	int saved = errno;
	unlink(tmp);
	errno = saved;
	if (ok == 2) {
		errno = EEXIST;
		return fail(err, errlen, "the data key exists:", path);
	}
	return ok ? 0 : fail(err, errlen, "cannot write the data key", path);
}

int xf_seal_key_load(xf_seal_key *k, int create, int *created, char *err,
                     size_t errlen)
{
	if (created)
		*created = 0;
	const char *v = getenv(XF_DATA_KEY_ENV);
	if (v && *v) {
		snprintf(source, sizeof source, "%s", XF_DATA_KEY_ENV);
		if (xf_seal_key_parse(k, v) != 0) {
			snprintf(err, errlen,
			         "%s is not 32 bytes in hex (64 digits) or "
			         "base64",
			         XF_DATA_KEY_ENV);
			return -1;
		}
		return 0;
	}
	const char *path = getenv(XF_DATA_KEY_FILE_ENV);
	if (!path || !*path)
		path = XF_DATA_KEY_DEFAULT;
	snprintf(source, sizeof source, "%s", path);
	if (access(path, F_OK) != 0) {
		if (!create)
			return 1;
		if (xf_seal_key_create_file(path, err, errlen) == 0) {
			if (created)
				*created = 1;
		} else if (errno != EEXIST)
			return -1;
	}
	return xf_seal_key_read_file(k, path, err, errlen);
}

const char *xf_seal_key_source(void)
{
	return *source ? source : XF_DATA_KEY_DEFAULT;
}

void xf_seal_set_current(const xf_seal_key *k)
{
	current = k;
}

const xf_seal_key *xf_seal_current(void)
{
	return current;
}
