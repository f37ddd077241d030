/*
 * meeting.c - the JSON form of meetings, their measures, and talks.
 */
#include "model/meeting.h"

#include "base/date.h"
#include "model/fields.h"

/* args: the kind's Chinese name, the quarter it was held in */
static const xf_jfield meeting_fields[] = {
    XF_JF_LIST(XF_MEETING_FIELDS, xf_meeting)};
static const xf_jfield first_topic_fields[] = {
    XF_JF_LIST(XF_MEETING_FIRST_TOPIC, xf_meeting)};
static const xf_jfield meeting_tail_fields[] = {
    XF_JF_LIST(XF_MEETING_TAIL, xf_meeting)};

void xf_meeting_json(xf_jw *w, const xf_meeting *m, const xf_meeting_facts *f,
                     const xf_measure *measures, int n)
{
	char period[12] = "";
	xf_date d;
	if (xf_date_parse(m->held_on, &d) == 0)
		xf_period_format(xf_period_of(d, XF_PERIOD_QUARTER), period);
	const char *args[] = {f->kind_name, period};
	xf_jw_obj(w);
	XF_JW_FIELDS_ARGS(w, m, meeting_fields, args);
	xf_jw_key(w, "first_topic");
	if (m->ft_title) {
		xf_jw_obj(w);
		XF_JW_FIELDS(w, m, first_topic_fields);
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
	XF_JW_FIELDS(w, m, meeting_tail_fields);
	xf_jw_obj_end(w);
}

static const xf_jfield measure_fields[] = {
    XF_JF_LIST(XF_MEASURE_FIELDS, xf_measure)};

void xf_measure_json(xf_jw *w, const xf_measure *m)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, m, measure_fields);
	xf_jw_kbool(w, "done", m->done_on != NULL);
	xf_jw_obj_end(w);
}

static const xf_jfield talk_fields[] = {XF_JF_LIST(XF_TALK_FIELDS, xf_talk)};

void xf_talk_json(xf_jw *w, const xf_talk *t)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, t, talk_fields);
	xf_jw_obj_end(w);
}
