/*
 * point_rules.h (service) - the rulebook of points: rules with dated
 * versions (a change is a new version), and the yearly settings (base and
 * floor) per kind.
 * Returns XF_OK or an error kind with c->err filled; results in c->a.
 */
#ifndef XF_SERVICE_POINT_RULES_H
#define XF_SERVICE_POINT_RULES_H

#include "service/ctx.h"
#include "store/point_rules.h"

typedef struct xf_point_rule_input {
	const char *kind, *category, *item, *description, *cap_period,
	    *approver_role, *valid_from;
	const char *record_kind, *record_qualifier; /* NULL: manual */
	int64_t org_id, points, cap;
	int needs_evidence, needs_approval, veto;
	int has_category, has_item, has_description, has_cap_period,
	    has_approver_role, has_points, has_cap, has_needs_evidence,
	    has_needs_approval, has_veto, has_record_kind, has_record_qualifier;
} xf_point_rule_input;

int xf_point_rule_create(xf_ctx *c, const xf_point_rule_input *in,
                         xf_point_rule *out);
int xf_point_rule_read(xf_ctx *c, int64_t id, xf_point_rule *out);
/* A change is a new version from in->valid_from (required). */
int xf_point_rule_change(xf_ctx *c, int64_t id, const xf_point_rule_input *in,
                         xf_point_rule *out);
/* The rulebook of a date (NULL: today). */
int xf_point_rule_list(xf_ctx *c, const char *kind, const char *on,
                       const char *category, xf_point_rule **out, int *n);

int xf_point_settings_read(xf_ctx *c, const char *kind, int year, int64_t *base,
                           int64_t *floor);
int xf_point_settings_write(xf_ctx *c, const char *kind, int year, int64_t base,
                            int64_t floor);

#endif
