/*
 * audit.h (service) - reading the audit log, limited to the caller's
 * scope: admin sees everything, committee its subtree, others nothing.
 */
#ifndef XF_SERVICE_AUDIT_H
#define XF_SERVICE_AUDIT_H

#include "service/ctx.h"
#include "store/audit.h"

/* f->lo/hi are set here from the scope; the rest comes from the caller. */
int xf_audit_list(xf_ctx *c, xf_audit_filter *f, xf_audit_row **out, int *n,
                  int64_t *total);

#endif
