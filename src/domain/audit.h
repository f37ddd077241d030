/*
 * audit.h - the code lists of the audit log: what was done (action) to
 * what kind of record (entity), with the Chinese labels the log is read
 * in (codes.h). Every write's audit row uses codes from these lists
 * (xf_audit() asserts it).
 */
#ifndef XF_DOMAIN_AUDIT_H
#define XF_DOMAIN_AUDIT_H

#include "domain/codes.h"

extern const xf_code xf_audit_actions[];
extern const xf_code xf_audit_entities[];

#endif
