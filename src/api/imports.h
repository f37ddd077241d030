/*
 * imports.h (api) - /api/import: the member roster and the organization
 * tree from an uploaded .xlsx or .csv (a dry run that answers every
 * row's errors, or a commit that is all or nothing), and the templates
 * to fill in.
 */
#ifndef XF_API_IMPORTS_H
#define XF_API_IMPORTS_H

#include "api/handler.h"

#include <stddef.h>

/* The body limit of the import routes. */
#define XF_IMPORT_MAX_BYTES (20u << 20)

xf_api_handler xf_h_import_members;
xf_api_handler xf_h_import_orgs;
xf_api_handler xf_h_import_template_members;
xf_api_handler xf_h_import_template_orgs;

/* The limits of a file: most data rows (default 20,000) and most
 * uncompressed bytes of an xlsx (default 100 MiB). Set once at start,
 * from XF_IMPORT_MAX_ROWS and XF_IMPORT_MAX_UNPACKED_MB when they are
 * set; returns 0, or -1 (message on stderr) when one is not a number in
 * its range. */
int xf_import_limits_from_env(void);

#endif
