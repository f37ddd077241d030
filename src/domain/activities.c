/*
 * activities.c - the rules of activities with sign-ups and a waiting list.
 */
#include "domain/activities.h"

#include <string.h>

const xf_code xf_activity_kinds[] = {
    {"culture", "机关文化"},
    {"service", "普惠服务"},
    {"sports", "文体活动"},
    {"volunteer", "志愿服务"},
    {NULL, NULL},
};

int xf_activity_signup_open(int64_t now, int64_t starts_at, int64_t closes_at)
{
	if (now >= starts_at)
		return XF_SIGNUP_STARTED;
	if (now >= closes_at)
		return XF_SIGNUP_CLOSED;
	return XF_SIGNUP_OK;
}

const char *xf_activity_signup_status(int64_t confirmed, int capacity)
{
	return confirmed < capacity ? XF_SIGNUP_CONFIRMED : XF_SIGNUP_WAITING;
}

int64_t xf_activity_promotions(int64_t confirmed, int capacity, int64_t waiting)
{
	int64_t free_places = (int64_t)capacity - confirmed;
	if (free_places <= 0 || waiting <= 0)
		return 0;
	return free_places < waiting ? free_places : waiting;
}

int xf_activity_times_valid(int64_t starts_at, int64_t closes_at)
{
	return closes_at <= starts_at;
}
