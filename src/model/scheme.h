/*
 * scheme.h - an assessment scheme (考核办法) as every layer sees it: its
 * indicator tree with each indicator's source and mapping, and their one
 * JSON form. The rules over them are in domain/assessment.h.
 *
 * Layer-neutral: includes only base/. Strings are borrowed: they point
 * into the arena of whoever filled the struct and live as long as it;
 * optional ones are NULL.
 */
#ifndef XF_MODEL_SCHEME_H
#define XF_MODEL_SCHEME_H

#include "base/jw.h"

#include <stdint.h>

#define XF_STEPS_MAX 10 /* steps of one mapping */

typedef enum {
	XF_MAP_NONE = 0,
	XF_MAP_LINEAR,
	XF_MAP_STEPS,
	XF_MAP_RANK
} xf_map_kind;

/* How a raw value becomes points (domain/assessment.h). */
typedef struct xf_mapping {
	int kind;        /* xf_map_kind */
	double from, to; /* linear */
	int nsteps;      /* steps, min ascending once checked */
	double step_min[XF_STEPS_MAX];
	int step_x10[XF_STEPS_MAX];
	int asc; /* rank: 1 ranks the lowest value first */
} xf_mapping;

typedef struct xf_indicator {
	const char *code, *title;
	const char *parent; /* NULL: top level */
	const char *kind;   /* data, manual, bonus, deduction, veto */
	const char *source; /* a source code, or NULL */
	int max_x10;        /* points in tenths */
	int no_data_zero;   /* no data scores 0 instead of full points */
	int open; /* a slot left open for the adopting committee (个性) */
	int inherited; /* copied from the adopted higher scheme */
	xf_mapping map;
	/* filled by xf_indicators_check (domain/assessment.h) */
	int k;         /* xf_ind_kind */
	int src;       /* xf_source, or -1 */
	int parent_ix; /* -1: top level */
	int depth;     /* 1..3 */
	int leaf;
} xf_indicator;

/* Stars: thresholds for 5, 4, 3, 2 stars, quotas (percent of peers, 0:
 * none) for 5 and 4 stars, and the code of the bonus item a 5★ needs. */
typedef struct xf_star_rules {
	int min_x10[4];
	int quota_pct[2];
	const char *five_requires; /* or NULL */
} xf_star_rules;

typedef struct xf_scheme {
	int64_t id, lineage_id, org_id, adopts_id;
	int version, year;
	const char *name, *org_path, *org_name;
	const char *org_kinds;      /* "branch,general_branch" */
	const char *state;          /* draft, published, replaced */
	const char *effective_from; /* published: from this day */
	xf_star_rules stars;
	xf_indicator *ind; /* in the order given; NULL when not read */
	int nind;
	int64_t created_by, created_at, published_by, published_at;
} xf_scheme;

/* The JSON form of a scheme, with its indicators when ind is not NULL;
 * left open for more keys. */
void xf_scheme_json_open(xf_jw *w, const xf_scheme *s);
/* One indicator, left open for more keys (its outcome); kind_title and
 * source_title are their Chinese names. */
void xf_indicator_json_open(xf_jw *w, const xf_indicator *d,
                            const char *kind_title, const char *source_title);

/* Mappings as stored: "linear:60:100", "steps:60=40,80=80" (min=points
 * in tenths), "rank:desc" or "rank:asc"; NULL for none. xf_mapping_text writes
 * into buf (at least 400 bytes); xf_mapping_parse answers 0, or -1 for text
 * that is none of these. */
const char *xf_mapping_text(const xf_mapping *m, char *buf, int size);
int xf_mapping_parse(const char *s, xf_mapping *m);
/* Star rules as stored: "900,800,700,600;10,30;CODE" (CODE may be empty). */
const char *xf_star_rules_text(const xf_star_rules *r, char *buf, int size);
int xf_star_rules_parse(const char *s, char *code_buf, int code_size,
                        xf_star_rules *r);

#endif
