/*
 * catalog.h (api) - handlers of the code lists with their Chinese labels
 * (/api/catalog), with the field tables of their routes. Routes in routes.c;
 * the API is documented in docs/api.md.
 */
#ifndef XF_API_CATALOG_H
#define XF_API_CATALOG_H

#include "api/handler.h"

/* GET /api/catalog: the code lists with their Chinese labels. */
xf_api_handler xf_h_catalog;

#endif
