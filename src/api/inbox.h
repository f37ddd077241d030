/*
 * inbox.h (api) - GET /api/inbox (the caller's items, service/inbox.h)
 * and GET /api/inbox/count (the number, for the menu's badge).
 */
#ifndef XF_API_INBOX_H
#define XF_API_INBOX_H

#include "api/handler.h"

xf_api_handler xf_h_inbox;
xf_api_handler xf_h_inbox_count;

#endif
