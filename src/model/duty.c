/*
 * duty.c - the JSON form of duty items, post holders and evidence.
 */
#include "model/duty.h"

#include "base/date.h"
#include "model/org.h"

void xf_duty_json_open(xf_jw *w, const xf_duty *d, const char *level_title,
                       const char *post_title)
{
	char at[32], up[32];
	xf_time_iso(d->created_at, at);
	xf_time_iso(d->updated_at, up);
	xf_jw_obj(w);
	xf_jw_kint(w, "id", d->id);
	xf_org_ref_json(w, d->org_id, d->org_name);
	xf_jw_kint(w, "year", d->year);
	xf_jw_kstr(w, "level", d->level);
	xf_jw_kstr(w, "level_title", level_title);
	xf_jw_kstr(w, "post", d->post);
	xf_jw_kstr(w, "post_title", post_title);
	xf_jw_kint(w, "seq", d->seq);
	xf_jw_kstr(w, "title", d->title);
	xf_jw_kstr(w, "content", d->content);
	xf_jw_kid(w, "source_id", d->source_id);
	xf_jw_kstr(w, "created_at", at);
	xf_jw_kstr(w, "updated_at", up);
}

void xf_duty_assignment_json_open(xf_jw *w, const xf_duty_assignment *a,
                                  const char *level_title,
                                  const char *post_title)
{
	char at[32];
	xf_time_iso(a->created_at, at);
	xf_jw_obj(w);
	xf_jw_kint(w, "id", a->id);
	xf_org_ref_json(w, a->org_id, a->org_name);
	xf_jw_kstr(w, "level", a->org_kind);
	xf_jw_kstr(w, "level_title", level_title);
	xf_jw_kint(w, "year", a->year);
	xf_jw_kstr(w, "post", a->post);
	xf_jw_kstr(w, "post_title", post_title);
	xf_jw_kint(w, "member_id", a->member_id);
	xf_jw_kstr(w, "member_name", a->member_name);
	xf_jw_kint(w, "evidence_count", a->evidence_count);
	xf_jw_kstr(w, "created_at", at);
}

void xf_duty_evidence_json(xf_jw *w, const xf_duty_evidence *e,
                           const char *kind_title)
{
	char at[32];
	xf_time_iso(e->created_at, at);
	xf_jw_obj(w);
	xf_jw_kint(w, "id", e->id);
	xf_jw_kint(w, "duty_id", e->duty_id);
	xf_jw_kint(w, "assignment_id", e->assignment_id);
	xf_jw_kstr(w, "kind", e->kind);
	xf_jw_kstr(w, "kind_title", kind_title);
	xf_jw_kid(w, "ref_id", e->ref_id);
	xf_jw_kstr(w, "title", e->title);
	xf_jw_kstr(w, "note", e->note);
	xf_jw_kstr(w, "on", e->done_on);
	xf_jw_kstr(w, "created_at", at);
	xf_jw_obj_end(w);
}
