/*
 * handler.h (api) - the one signature of every handler of the API. The
 * header of each resource declares its handlers with it,
 * `xf_api_handler xf_h_orgs_get;`, and its .c file defines each as
 * `void xf_h_orgs_get(xf_req *r)`: the server calls it with the request
 * once the route's caller and input are checked (api.h), and the handler
 * writes the answer.
 */
#ifndef XF_API_HANDLER_H
#define XF_API_HANDLER_H

#include "http/server.h"

typedef void xf_api_handler(xf_req *r);

#endif
