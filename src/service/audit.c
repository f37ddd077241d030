/*
 * audit.c (service) - scoped reading of the audit log.
 */
#include "service/audit.h"

#include <string.h>

int xf_audit_list(xf_ctx *c, xf_audit_filter *f, xf_audit_row **out, int *n,
                  int64_t *total)
{
	*n = 0;
	*total = 0;
	f->lo = f->hi = NULL;
	if (!xf_is_admin(c)) {
		const xf_grant *g = xf_committee_grant(c);
		if (!g)
			return xf_forbidden(c, "无权查看审计日志");
		if (xf_subtree_range(c, g->org_path, &f->lo, &f->hi) != 0)
			return xf_fail(c, XF_E_INTERNAL, "internal", "路径错误",
			               NULL);
	}
	XF_RETURN_READ_TX(c, xf_from_db(c, xf_store_audit_list(c->db, c->a, f,
	                                                       out, n, total)));
}
