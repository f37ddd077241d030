/*
 * scheme.c - the JSON form of assessment schemes and their indicators,
 * and the stored text of mappings and star rules.
 */
#include "model/scheme.h"

#include "base/date.h"
#include "model/org.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void num(xf_jw *w, double v)
{
	char b[40];
	snprintf(b, sizeof b, "%.10g", v);
	xf_jw_raw(w, b);
}

static void mapping_json(xf_jw *w, const xf_mapping *m)
{
	xf_jw_key(w, "mapping");
	switch (m->kind) {
	case XF_MAP_LINEAR:
		xf_jw_obj(w);
		xf_jw_key(w, "linear");
		xf_jw_arr(w);
		num(w, m->from);
		num(w, m->to);
		xf_jw_arr_end(w);
		xf_jw_obj_end(w);
		break;
	case XF_MAP_STEPS:
		xf_jw_obj(w);
		xf_jw_key(w, "steps");
		xf_jw_arr(w);
		for (int i = 0; i < m->nsteps; i++) {
			xf_jw_arr(w);
			num(w, m->step_min[i]);
			xf_jw_x10(w, m->step_x10[i]);
			xf_jw_arr_end(w);
		}
		xf_jw_arr_end(w);
		xf_jw_obj_end(w);
		break;
	case XF_MAP_RANK:
		xf_jw_obj(w);
		xf_jw_kstr(w, "rank", m->asc ? "asc" : "desc");
		xf_jw_obj_end(w);
		break;
	default:
		xf_jw_null(w);
	}
}

void xf_indicator_json_open(xf_jw *w, const xf_indicator *d,
                            const char *kind_title, const char *source_title)
{
	xf_jw_obj(w);
	xf_jw_kstr(w, "code", d->code);
	xf_jw_kstr(w, "title", d->title);
	xf_jw_kstr(w, "parent", d->parent);
	xf_jw_kx10(w, "max", d->max_x10);
	xf_jw_kstr(w, "kind", d->kind);
	xf_jw_kstr(w, "kind_title", kind_title);
	xf_jw_kstr(w, "source", d->source);
	xf_jw_kstr(w, "source_title", d->source ? source_title : NULL);
	mapping_json(w, &d->map);
	xf_jw_key(w, "params");
	xf_jw_obj(w);
	xf_jw_kstr(w, "no_data", d->no_data_zero ? "zero" : "full");
	xf_jw_obj_end(w);
	xf_jw_kint(w, "level", d->depth);
	xf_jw_kbool(w, "open", d->open);
	xf_jw_kbool(w, "inherited", d->inherited);
}

void xf_scheme_json_open(xf_jw *w, const xf_scheme *s)
{
	xf_jw_obj(w);
	xf_jw_kint(w, "id", s->id);
	xf_jw_kint(w, "lineage_id", s->lineage_id ? s->lineage_id : s->id);
	xf_jw_kint(w, "version", s->version);
	xf_jw_kstr(w, "name", s->name);
	xf_jw_kint(w, "year", s->year);
	xf_org_ref_json(w, s->org_id, s->org_name);
	xf_jw_key(w, "org_kinds");
	xf_jw_arr(w);
	for (const char *p = s->org_kinds; p && *p;) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		xf_jw_strn(w, p, n);
		p = e ? e + 1 : p + n;
	}
	xf_jw_arr_end(w);
	xf_jw_kid(w, "adopts_id", s->adopts_id);
	xf_jw_kstr(w, "state", s->state);
	xf_jw_kstr(w, "effective_from", s->effective_from);
	xf_jw_key(w, "stars");
	xf_jw_obj(w);
	xf_jw_key(w, "thresholds");
	xf_jw_arr(w);
	for (int i = 0; i < 4; i++)
		xf_jw_x10(w, s->stars.min_x10[i]);
	xf_jw_arr_end(w);
	xf_jw_key(w, "quotas");
	xf_jw_obj(w);
	xf_jw_kint(w, "5", s->stars.quota_pct[0]);
	xf_jw_kint(w, "4", s->stars.quota_pct[1]);
	xf_jw_obj_end(w);
	xf_jw_kstr(w, "five_requires", s->stars.five_requires);
	xf_jw_obj_end(w);
	xf_jw_kid(w, "created_by", s->created_by);
	xf_jw_ktime(w, "created_at", s->created_at);
	xf_jw_ktime(w, "published_at", s->published_at);
}

const char *xf_mapping_text(const xf_mapping *m, char *buf, int size)
{
	int n = 0;
	switch (m->kind) {
	case XF_MAP_LINEAR:
		snprintf(buf, size, "linear:%.10g:%.10g", m->from, m->to);
		return buf;
	case XF_MAP_STEPS:
		n = snprintf(buf, size, "steps:");
		for (int i = 0; i < m->nsteps && n < size; i++)
			n += snprintf(buf + n, size - n, "%s%.10g=%d",
			              i ? "," : "", m->step_min[i],
			              m->step_x10[i]);
		return buf;
	case XF_MAP_RANK:
		snprintf(buf, size, "rank:%s", m->asc ? "asc" : "desc");
		return buf;
	default:
		return NULL;
	}
}

int xf_mapping_parse(const char *s, xf_mapping *m)
{
	memset(m, 0, sizeof *m);
	if (!s || !*s)
		return 0;
	char *e;
	if (strncmp(s, "linear:", 7) == 0) {
		m->kind = XF_MAP_LINEAR;
		m->from = strtod(s + 7, &e);
		if (*e != ':')
			return -1;
		m->to = strtod(e + 1, &e);
		return *e ? -1 : 0;
	}
	if (strncmp(s, "steps:", 6) == 0) {
		m->kind = XF_MAP_STEPS;
		for (const char *p = s + 6; *p; p = *e ? e + 1 : e) {
			if (m->nsteps == XF_STEPS_MAX)
				return -1;
			m->step_min[m->nsteps] = strtod(p, &e);
			if (*e != '=')
				return -1;
			m->step_x10[m->nsteps++] = (int)strtol(e + 1, &e, 10);
			if (*e && *e != ',')
				return -1;
		}
		return 0;
	}
	if (strcmp(s, "rank:desc") == 0 || strcmp(s, "rank:asc") == 0) {
		m->kind = XF_MAP_RANK;
		m->asc = s[5] == 'a';
		return 0;
	}
	return -1;
}

const char *xf_star_rules_text(const xf_star_rules *r, char *buf, int size)
{
	snprintf(buf, size, "%d,%d,%d,%d;%d,%d;%s", r->min_x10[0],
	         r->min_x10[1], r->min_x10[2], r->min_x10[3], r->quota_pct[0],
	         r->quota_pct[1], r->five_requires ? r->five_requires : "");
	return buf;
}

int xf_star_rules_parse(const char *s, char *code_buf, int code_size,
                        xf_star_rules *r)
{
	int n = 0;
	memset(r, 0, sizeof *r);
	if (!s ||
	    sscanf(s, "%d,%d,%d,%d;%d,%d;%n", &r->min_x10[0], &r->min_x10[1],
	           &r->min_x10[2], &r->min_x10[3], &r->quota_pct[0],
	           &r->quota_pct[1], &n) != 6 ||
	    n == 0)
		return -1;
	snprintf(code_buf, code_size, "%s", s + n);
	r->five_requires = code_buf[0] ? code_buf : NULL;
	return 0;
}
