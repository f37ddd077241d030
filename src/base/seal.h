/*
 * seal.h - personal data at rest: sealing short values (ID numbers, phones)
 * with XChaCha20-Poly1305 (libsodium), the keyed blind index that lets the
 * database look a value up and keep it unique without holding it, and the
 * data key itself (from XF_DATA_KEY, XF_DATA_KEY_FILE or a default file).
 *
 * A sealed value is text, the same on SQLite and PostgreSQL:
 *   "xf1:" KEYID ":" BASE64
 * KEYID is 8 hex digits derived from the key (so rotation and the server's
 * start can tell which key sealed a value without trying it), BASE64 is
 * URL-safe without padding, of nonce (24 bytes: 16 random per thread and
 * a counter) || ciphertext || tag.
 * The kind of value (XF_SEAL_ID_NUMBER, XF_SEAL_PHONE) is the associated
 * data: a sealed phone does not open as an ID number.
 *
 * From the master key (32 bytes) three subkeys are derived with
 * crypto_kdf: the sealing key, the blind-index key (keyed BLAKE2b) and the
 * key id. The master key never touches a value itself.
 *
 * No allocation: results go to buffers of the caller's. Keys live in
 * xf_seal_key structs the caller owns (wiped by xf_seal_key_wipe); the
 * process-wide current key (xf_seal_current) is set once at start.
 */
#ifndef XF_BASE_SEAL_H
#define XF_BASE_SEAL_H

#include <stddef.h>

/* The longest value that can be sealed (bytes, without NUL). */
#define XF_SEAL_MAX_PLAIN 64
/* Room for any sealed text and its NUL. */
#define XF_SEAL_MAX 160
/* A blind index: 32 hex digits and a NUL. */
#define XF_SEAL_INDEX_LEN 33
/* A key id: 8 hex digits and a NUL. */
#define XF_SEAL_KID_LEN 9
/* The environment variables and the default key file. */
#define XF_DATA_KEY_ENV      "XF_DATA_KEY"
#define XF_DATA_KEY_FILE_ENV "XF_DATA_KEY_FILE"
#define XF_DATA_KEY_DEFAULT  "data/xianfeng.key"

typedef enum {
	XF_SEAL_ID_NUMBER = 1,
	XF_SEAL_PHONE = 2,
	XF_SEAL_TOTP = 3, /* a user's second-factor secret */
} xf_seal_kind;

typedef struct xf_seal_key {
	unsigned char seal[32];  /* AEAD key */
	unsigned char index[32]; /* blind-index key */
	char kid[XF_SEAL_KID_LEN];
	int set;
} xf_seal_key;

/* Derives the subkeys of a 32-byte master key into k. 0, or -1 when
 * libsodium cannot start. */
int xf_seal_key_init(xf_seal_key *k, const unsigned char master[32]);
/* Parses a master key written as 64 hex digits or base64 of 32 bytes
 * (surrounding white space ignored) into k. 0, or -1. */
int xf_seal_key_parse(xf_seal_key *k, const char *text);
void xf_seal_key_wipe(xf_seal_key *k);

/*
 * Seals plain (at most XF_SEAL_MAX_PLAIN bytes) of kind into out as the
 * text above. NULL plain gives NULL (nothing to seal). Returns out, or
 * NULL when plain is too long or there is no key.
 */
const char *xf_seal(const xf_seal_key *k, xf_seal_kind kind, const char *plain,
                    char out[XF_SEAL_MAX]);

/* The results of xf_seal_open. */
enum {
	XF_SEAL_OK = 0,
	XF_SEAL_CLEAR = 1,     /* not sealed text: a value stored in clear */
	XF_SEAL_OTHER_KEY = 2, /* sealed with another key (kid differs) */
	XF_SEAL_BAD = -1,      /* malformed, or does not authenticate */
};
/*
 * Opens sealed text of kind into out (NUL-terminated, at most
 * XF_SEAL_MAX_PLAIN bytes). Returns XF_SEAL_OK; XF_SEAL_CLEAR when text is
 * not sealed (out untouched); XF_SEAL_OTHER_KEY or XF_SEAL_BAD (out
 * empty). Never reads past text's NUL.
 */
int xf_seal_open(const xf_seal_key *k, xf_seal_kind kind, const char *text,
                 char out[XF_SEAL_MAX_PLAIN + 1]);
/* Whether text looks sealed ("xf1:" and a key id); copies the key id to
 * kid when it does (kid may be NULL). */
int xf_seal_is_sealed(const char *text, char kid[XF_SEAL_KID_LEN]);

/*
 * The blind index of an ID number: keyed BLAKE2b-128 of the value
 * normalized (surrounding space dropped, ASCII letters upper-cased), as
 * 32 hex digits in out. Returns out, or NULL (no key, NULL value, too
 * long).
 */
const char *xf_seal_index(const xf_seal_key *k, const char *value,
                          char out[XF_SEAL_INDEX_LEN]);

/*
 * The data key of this process, from the environment: XF_DATA_KEY (the
 * key itself) if set and not empty, else the file XF_DATA_KEY_FILE, else
 * XF_DATA_KEY_DEFAULT. With create, a missing file is made (32 random
 * bytes in hex, mode 0600, written atomically so that processes starting
 * together agree); *created says whether it was. Returns 0, 1 when there
 * is no key (no variable, no file, !create), or -1 after writing why to
 * err. A key file readable by others is refused.
 */
int xf_seal_key_load(xf_seal_key *k, int create, int *created, char *err,
                     size_t errlen);
/* Reads one key file (same format and checks as above). 0, or -1. */
int xf_seal_key_read_file(xf_seal_key *k, const char *path, char *err,
                          size_t errlen);
/* Writes a new random key to path (must not exist), mode 0600. 0, or -1. */
int xf_seal_key_create_file(const char *path, char *err, size_t errlen);
/* Where the key comes from, for messages: "XF_DATA_KEY" or the file. */
const char *xf_seal_key_source(void);

/* The key that stores and readers of this process use (set once at
 * start, before threads; NULL: none). */
void xf_seal_set_current(const xf_seal_key *k);
const xf_seal_key *xf_seal_current(void);

#endif
