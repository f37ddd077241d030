/*
 * schema_v20.c - migration 20: personal data at rest. Members' ID numbers
 * and phones are stored sealed (base/seal.h); uniqueness and exact lookups
 * of ID numbers move to their keyed blind index, id_number_bi. Rows that
 * were written in clear before have no index yet (NULL): the data step of
 * `xianfeng init` (store/pii.c, with the data key) seals them and fills it.
 */
#include "store/schema.h"

const char xf_schema_v20[] =
    "ALTER TABLE members ADD COLUMN id_number_bi TEXT;"
    "DROP INDEX members_id_number;"
    "CREATE UNIQUE INDEX members_id_number_bi ON members(id_number_bi);";
