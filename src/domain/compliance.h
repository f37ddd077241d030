/*
 * compliance.h - the rules of organizational life (组织生活): which
 * meetings an organization must hold in a period (三会一课, 主题党日, 组织
 * 生活会, 民主评议, committee meetings), whether the meetings that must open
 * with the 第一议题 recorded one, and the status the quarterly supervision
 * (季度督导) shows. Also the meeting time format and the talk (谈心谈话)
 * rule on attendance.
 *
 * Pure functions over plain structs: no allocation, no I/O.
 *
 * ---- The rules, as implemented ----------------------------------------
 *
 * Required frequencies. For each organization kind, each meeting kind has a
 * frequency: none, monthly, quarterly or yearly (xf_compliance_rules). The
 * defaults (DESIGN.md §2, 支部工作条例):
 *   branch, temp_branch, general_branch: branch_congress quarterly,
 *     branch_committee monthly, party_lecture quarterly, theme_day monthly,
 *     life_meeting and democratic_review yearly;
 *   group: group_meeting monthly;
 *   party_committee, organ_committee, work_committee: committee_meeting
 *     monthly, life_meeting yearly.
 * Meetings that must open with the 第一议题: committee_meeting,
 * branch_committee, branch_congress and first_topic (a 第一议题 study
 * session), for every organization kind.
 *
 * Slots. A frequency cuts time into slots (calendar months, quarters or
 * years). A query period (a month, quarter or year) evaluates every slot
 * that ENDS inside it: 2024Q3 evaluates July, August and September for
 * monthly kinds and 2024Q3 for quarterly ones; 2024Q4 also evaluates the
 * year 2024 for yearly kinds; 2024-12 evaluates December, 2024Q4 and 2024.
 * A meeting counts for the slot of its date in Asia/Shanghai. A meeting held
 * later to make up a missed slot (补开) names that slot's period
 * (`makeup_for`) and counts for it as held late.
 *
 * Organizations created or closed inside a slot. An organization exists
 * from max(established_on, starts_on) through min(closed_on, ends_on), both
 * days included (starts_on/ends_on are a temporary branch's dates). A slot
 * is required only when the organization existed on at least half of the
 * slot's days (2 * days_existed >= days_in_slot): a branch set up on
 * 16 July (16 of 31 days) owes July's committee meeting, one set up on
 * 17 July does not; a temporary branch closed on 10 September owes no
 * September meetings but does owe the Q3 congress if it existed on 46 of
 * Q3's 92 days. Meetings held in a slot that is not required still count.
 *
 * Slot states, for "today" (the Shanghai day of the request):
 *   held      a meeting of the kind counts for the slot on time;
 *   late      only make-up meetings count for it;
 *   missing   none counts and the slot has ended (its last day < today);
 *   pending   none counts yet and the slot has not ended.
 * First topic: each meeting in the query period whose kind must open with
 * the 第一议题 and that recorded none is a defect ("first_topic" missing).
 *
 * Status of an organization for a period:
 *   red     a required slot is missing or a first topic is missing;
 *   due     else, a required slot is still pending ("due soon");
 *           days_left = last day of the earliest pending slot - today + 1
 *           (1 on the last day itself);
 *   yellow  else, some slot was only made up late;
 *   green   else: everything held on time.
 * An organization that owes no slot in the period and had no meeting that
 * needed a first topic is outside the rules for that period (applies = 0).
 */
#ifndef XF_DOMAIN_COMPLIANCE_H
#define XF_DOMAIN_COMPLIANCE_H

#include "base/date.h"
#include "domain/codes.h"
#include "domain/orgs.h"

#include <stdint.h>

/* Meeting kinds; the order is the order of `missing` lists. */
typedef enum {
	XF_MK_BRANCH_CONGRESS = 0, /* 党员大会 */
	XF_MK_BRANCH_COMMITTEE,    /* 支委会 */
	XF_MK_GROUP_MEETING,       /* 党小组会 */
	XF_MK_PARTY_LECTURE,       /* 党课 */
	XF_MK_THEME_DAY,           /* 主题党日 */
	XF_MK_LIFE_MEETING,        /* 组织生活会 */
	XF_MK_DEMOCRATIC_REVIEW,   /* 民主评议党员 */
	XF_MK_COMMITTEE_MEETING,   /* 党委（党组）会议 */
	XF_MK_FIRST_TOPIC,         /* 第一议题学习 */
	XF_MK_COUNT
} xf_meeting_kind;

/* The meeting kinds, indexed by xf_meeting_kind. */
extern const xf_code xf_meeting_kinds[];

/* "branch_congress" ... → kind, or -1 (NULL included). */
int xf_meeting_kind_parse(const char *s);
/* Code name of a meeting kind, "" if out of range. */
const char *xf_meeting_kind_name(int kind);
/* Chinese name of a meeting kind, "" if out of range. */
const char *xf_meeting_kind_title(int kind);
/* 1 for the 三会一课 kinds (congress, committee, group meeting, lecture). */
int xf_meeting_kind_is_sanhui(int kind);

/* The frequencies of the rules: monthly, quarterly, yearly, none. */
extern const xf_code xf_meeting_frequencies[];
/* A frequency is a period kind (XF_PERIOD_MONTH/QUARTER/YEAR) or 0. */
#define XF_FREQ_NONE 0
/* "monthly", "quarterly", "yearly", "none" → frequency, or -1. */
int xf_freq_parse(const char *s);
/* "monthly", "quarterly", "yearly" or "none". */
const char *xf_freq_name(int freq);

typedef struct xf_compliance_rules {
	unsigned char freq[XF_ORGK_COUNT][XF_MK_COUNT];
	unsigned char needs_first_topic[XF_MK_COUNT];
} xf_compliance_rules;

/* Fills r with the defaults described above. */
void xf_compliance_rules_default(xf_compliance_rules *r);

/* The days an organization exists (both included). */
typedef struct xf_org_life {
	int kind;         /* xf_org_kind, or -1 (no rules apply) */
	xf_date from, to; /* to = 9999-12-31 while open */
} xf_org_life;

/*
 * Works out the days an organization exists from its dates ("YYYY-MM-DD"
 * or NULL): from max(established_on, starts_on) through min(closed_on,
 * ends_on). Unparseable dates are ignored. Returns 0, or -1 when
 * established_on is not a date.
 */
int xf_org_life_of(const char *kind, const char *established_on,
                   const char *starts_on, const char *ends_on,
                   const char *closed_on, xf_org_life *out);

/* Meetings of one kind counted for one calendar month (month index
 * y * 12 + m - 1): the store aggregates them with GROUP BY. */
typedef struct xf_meeting_tally {
	int kind;  /* xf_meeting_kind */
	int month; /* y * 12 + m - 1 of the day the meetings count for */
	int on_time, late;
	int no_first_topic; /* of them, meetings that recorded no first topic */
} xf_meeting_tally;

/* Month index of a date, as in xf_meeting_tally. */
int xf_month_index(xf_date d);

/* The first day of the earliest slot a period evaluates: meetings counted
 * from this day through the period's last day decide its compliance. */
xf_date xf_compliance_range_first(xf_period p);

/* The first day from which the period's slots need the meetings month by
 * month (the first day of its quarter, or xf_compliance_range_first when
 * that is later). The months from xf_compliance_range_first up to it
 * belong to the year's slot only, so their sum is enough: the kept tally
 * by year less the months read gives it. */
xf_date xf_compliance_months_first(xf_period p);

typedef enum {
	XF_CS_GREEN = 0,
	XF_CS_YELLOW,
	XF_CS_DUE,
	XF_CS_RED,
} xf_compliance_status;

/* The statuses with their labels, most urgent first: red, yellow, due,
 * green. */
extern const xf_code xf_compliance_statuses[];
/* "green", "yellow", "due", "red". */
const char *xf_compliance_status_name(int status);

/* Bit of the first topic in the `missing` mask, after the meeting kinds. */
#define XF_MISSING_FIRST_TOPIC (1u << XF_MK_COUNT)

typedef struct xf_compliance {
	int applies; /* 0: no rules apply to the org in this period */
	int status;  /* xf_compliance_status */
	unsigned
	    missing;   /* kinds with a missing slot; XF_MISSING_FIRST_TOPIC */
	unsigned late; /* kinds with a slot held only late */
	unsigned pending;                  /* kinds with a slot still open */
	int days_left;                     /* for status due; else 0 */
	int required, held, held_late;     /* required slots and those held */
	int sanhui_required, sanhui_held;  /* the same for 三会一课 kinds */
	int ft_meetings, ft_recorded;      /* meetings needing a first topic */
	int slots_pending, sanhui_pending; /* required slots still open */
} xf_compliance;

/*
 * Evaluates one organization for period p on day today, from the tallies
 * of its meetings (any order; tallies outside the evaluated slots are
 * ignored). Returns 0, or -1 if p or org is not valid.
 */
int xf_compliance_eval(const xf_compliance_rules *r, const xf_org_life *org,
                       xf_period p, xf_date today, const xf_meeting_tally *t,
                       int nt, xf_compliance *out);

/* ---- meeting times ----------------------------------------------------- */

/*
 * Parses an ISO 8601 time with a UTC offset: "YYYY-MM-DDTHH:MM[:SS[.f]]"
 * followed by "Z" or "+HH:MM"/"-HH:MM" (offset at most 14:00; year
 * 1900..2200). Returns 0 and the Unix time, or -1.
 */
int xf_time_parse_iso(const char *s, int64_t *out);

/* ---- attendance and talks ---------------------------------------------- */

/* present, late, sick_leave, official_leave, personal_leave, absent. */
int xf_attendance_status_valid(const char *s);
/* The paper register's mark: √ # ○ ★ △ ×; "" for an unknown status. */
const char *xf_attendance_mark(const char *s);
/* The statuses in the register's order, with their Chinese labels. */
extern const xf_code xf_attendance_statuses[];
/* The statuses in the register's order, 0..XF_ATTENDANCE_STATUSES-1:
 * the index of a status (-1 if unknown), and the name, mark and Chinese
 * title of an index ("" out of range). */
#define XF_ATTENDANCE_STATUSES 6
int xf_attendance_status_index(const char *s);
const char *xf_attendance_status_name(int i);
const char *xf_attendance_status_mark(int i);
const char *xf_attendance_status_title(int i);

/* Members absent (without leave) from this many meetings in a row are due
 * for a talk (谈心谈话). */
#define XF_TALK_STREAK 3

/* The number of leading "absent" statuses in st[0..n) (newest first): the
 * current streak of absences without leave. Any other status ends it. */
int xf_absence_streak(const char *const *st, int n);

#endif
