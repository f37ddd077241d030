/*
 * migrate.h - versioned schema migrations, applied in one transaction each.
 */
#ifndef XF_MIGRATE_H
#define XF_MIGRATE_H

#include "store/db.h"

/* The schema version this binary knows. */
int xf_schema_latest(void);
/* Returns the database's schema version (0 if empty) or -1 on error. */
int xf_schema_version(xf_db *db);
/*
 * Applies every migration newer than the database's version, each in its own
 * transaction. Idempotent. Returns 0, or -1 with a message in err.
 */
int xf_schema_migrate(xf_db *db, char *err, size_t errlen);

#endif
