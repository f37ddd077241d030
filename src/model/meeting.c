/*
 * meeting.c - the JSON form of meetings, their measures, and talks.
 */
#include "model/meeting.h"

#include "base/date.h"
#include "model/org.h"

void xf_meeting_json(xf_jw *w, const xf_meeting *m, const xf_meeting_facts *f,
                     const xf_measure *measures, int n)
{
	char at[32], period[12] = "";
	xf_date d;
	xf_time_iso(m->held_at, at);
	if (xf_date_parse(m->held_on, &d) == 0)
		xf_period_format(xf_period_of(d, XF_PERIOD_QUARTER), period);
	xf_jw_obj(w);
	xf_jw_kint(w, "id", m->id);
	xf_org_ref_json(w, m->org_id, m->org_name);
	xf_jw_kstr(w, "kind", m->kind);
	xf_jw_kstr(w, "kind_name", f->kind_name);
	xf_jw_kstr(w, "held_at", at);
	xf_jw_kstr(w, "held_on", m->held_on);
	xf_jw_kstr(w, "quarter", period);
	xf_jw_kstr(w, "makeup_for", m->makeup_for);
	xf_jw_kbool(w, "late", m->late);
	xf_jw_kstr(w, "place", m->place);
	xf_jw_kstr(w, "topic", m->topic);
	xf_jw_kstr(w, "host", m->host);
	xf_jw_kstr(w, "recorder", m->recorder);
	xf_jw_kstr(w, "lecturer", m->lecturer);
	xf_jw_kstr(w, "agenda", m->agenda);
	xf_jw_kstr(w, "minutes", m->minutes);
	xf_jw_key(w, "first_topic");
	if (m->ft_title) {
		xf_jw_obj(w);
		xf_jw_kstr(w, "title", m->ft_title);
		xf_jw_kstr(w, "source", m->ft_source);
		xf_jw_kstr(w, "speech_date", m->ft_speech_date);
		xf_jw_kstr(w, "discussion", m->ft_discussion);
		xf_jw_obj_end(w);
	} else {
		xf_jw_null(w);
	}
	xf_jw_kbool(w, "first_topic_missing", f->first_topic_missing);
	if (measures) {
		xf_jw_key(w, "measures");
		xf_jw_arr(w);
		for (int i = 0; i < n; i++)
			xf_measure_json(w, &measures[i]);
		xf_jw_arr_end(w);
	} else {
		xf_jw_kint(w, "attendees", m->attendees);
	}
	xf_jw_kid(w, "created_by", m->created_by);
	xf_time_iso(m->created_at, at);
	xf_jw_kstr(w, "created_at", at);
	xf_time_iso(m->updated_at, at);
	xf_jw_kstr(w, "updated_at", at);
	xf_jw_obj_end(w);
}

void xf_measure_json(xf_jw *w, const xf_measure *m)
{
	xf_jw_obj(w);
	xf_jw_kint(w, "id", m->id);
	xf_jw_kint(w, "meeting_id", m->meeting_id);
	xf_jw_kstr(w, "title", m->title);
	xf_jw_kstr(w, "owner", m->owner);
	xf_jw_kstr(w, "due_on", m->due_on);
	xf_jw_kstr(w, "done_on", m->done_on);
	xf_jw_kbool(w, "done", m->done_on != NULL);
	xf_jw_obj_end(w);
}

void xf_talk_json(xf_jw *w, const xf_talk *t)
{
	char at[32];
	xf_jw_obj(w);
	xf_jw_kint(w, "id", t->id);
	xf_jw_kint(w, "member_id", t->member_id);
	xf_jw_kstr(w, "member_name", t->member_name);
	xf_jw_kint(w, "org_id", t->org_id);
	xf_jw_kstr(w, "held_on", t->held_on);
	xf_jw_kstr(w, "notes", t->notes);
	xf_jw_kid(w, "created_by", t->created_by);
	xf_time_iso(t->created_at, at);
	xf_jw_kstr(w, "created_at", at);
	xf_jw_obj_end(w);
}
