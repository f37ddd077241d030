/*
 * schema.h - the DDL of each migration, one file per migration
 * (schema_vN.c), listed in order in migrate.c.
 */
#ifndef XF_SCHEMA_H
#define XF_SCHEMA_H

extern const char xf_schema_v1[];
extern const char xf_schema_v2[];
extern const char xf_schema_v3[];
extern const char xf_schema_v4[];
extern const char xf_schema_v5[];
extern const char xf_schema_v6[];
extern const char xf_schema_v7[];
extern const char xf_schema_v8[];
extern const char xf_schema_v9[];
extern const char xf_schema_v10[];
extern const char xf_schema_v11[];
extern const char xf_schema_v12[];
extern const char xf_schema_v13[];
extern const char xf_schema_v14[];
extern const char xf_schema_v15[];
extern const char xf_schema_v16[];
extern const char xf_schema_v17[];
extern const char xf_schema_v18[];
extern const char xf_schema_v19[];
extern const char xf_schema_v20[];
extern const char xf_schema_v21[];
extern const char xf_schema_v22[];
extern const char xf_schema_v23[];
extern const char xf_schema_v24[];
extern const char xf_schema_v25[];
extern const char xf_schema_v26[];
extern const char xf_schema_v27[];
extern const char xf_schema_v28[];
extern const char xf_schema_v29[];
extern const char xf_schema_v30[];

#endif
