/*
 * demo.h - the small demo city that `xianfeng demo` and `make run` load:
 * a city organ work committee, districts, departments, branches, clusters,
 * a few hundred members with valid data, and demo accounts.
 */
#ifndef XF_SERVICE_DEMO_H
#define XF_SERVICE_DEMO_H

#include "store/db.h"

#include <stddef.h>

/* Loads the demo city through the service layer (deterministic data).
 * All demo accounts get `password`. Returns 0, or -1 with err filled. */
int xf_demo_load(xf_db *db, const char *password, char *err, size_t errlen);
/* Writes a random password of letters and digits. */
void xf_demo_random_password(char *out, size_t n);

#endif
