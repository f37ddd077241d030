/*
 * catalog.c (api) - GET /api/catalog: every catalogue of codes and their
 * Chinese labels (domain/catalog.h) in one answer, so the web UI shows
 * and picks codes without keeping copies of the server's lists:
 *   {"org_kinds":[{"code":"work_committee","label":"机关工委"},...],...}
 * Each list is in the order pickers show. Attendance statuses also carry
 * the paper register's mark, duty levels the posts each level has.
 */
#include "api/catalog.h"
#include "api/api.h"

#include "base/jw.h"
#include "domain/catalog.h"
#include "domain/compliance.h"
#include "domain/duties.h"

#include <string.h>

/* The extra members of one entry of the catalogue named name. */
static void extras(xf_jw *w, const char *name, const xf_code *c)
{
	if (strcmp(name, "attendance_statuses") == 0) {
		xf_jw_kstr(w, "mark", xf_attendance_mark(c->code));
	} else if (strcmp(name, "duty_levels") == 0) {
		xf_jw_key(w, "posts");
		xf_jw_arr(w);
		for (const char *const *p = xf_duty_level_posts(c->code); *p;
		     p++)
			xf_jw_str(w, *p);
		xf_jw_arr_end(w);
	}
}

void xf_h_catalog(xf_req *r)
{
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_jw_obj(&w);
	for (const xf_catalogue *cat = xf_catalogues; cat->name; cat++) {
		xf_jw_key(&w, cat->name);
		xf_jw_arr(&w);
		for (const xf_code *c = cat->codes; c->code; c++) {
			if (cat->only && !cat->only(c->code))
				continue;
			xf_jw_obj(&w);
			xf_jw_kstr(&w, "code", c->code);
			xf_jw_kstr(&w, "label", c->label);
			extras(&w, cat->name, c);
			xf_jw_obj_end(&w);
		}
		xf_jw_arr_end(&w);
	}
	xf_jw_obj_end(&w);
	xf_reply_json(r, 200);
}
