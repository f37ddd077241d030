/*
 * user.c - `xianfeng user add|passwd|roles`: the accounts from the command
 * line, through the same use cases as the API with the command line's
 * full rights (the first admin of a new database is made here).
 */
#include "tools/tools.h"

#include "service/auth.h"
#include "service/ctx.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int xf_cmd_user(int argc, char **argv)
{
	const char *db_url = XF_DEFAULT_DB, *username = NULL, *password = NULL;
	const char *display = NULL;
	xf_user_role roles[XF_MAX_GRANTS];
	int nroles = 0;
	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		printf("usage: xianfeng user add|passwd|roles --username NAME "
		       "[--password PW] [--display-name NAME] "
		       "[--role ROLE[:ORG_ID]]... [--db DB]\n"
		       "  add     creates a user (password from --password "
		       "or $XF_PASSWORD)\n"
		       "  passwd  sets a new password\n"
		       "  roles   replaces the user's roles\n"
		       "Roles: admin, committee, secretary, member, judge, "
		       "screen.\n");
		return argc < 2 ? 2 : 0;
	}
	const char *sub = argv[1];
	if (strcmp(sub, "add") != 0 && strcmp(sub, "passwd") != 0 &&
	    strcmp(sub, "roles") != 0)
		return xf_cli_usage_error("user", "unknown subcommand");
	static const struct option opts[] = {{"db", 1, NULL, 'd'},
	                                     {"username", 1, NULL, 'u'},
	                                     {"password", 1, NULL, 'p'},
	                                     {"role", 1, NULL, 'r'},
	                                     {"display-name", 1, NULL, 'n'},
	                                     {"help", 0, NULL, 'h'},
	                                     {NULL, 0, NULL, 0}};
	int ch;
	optind = 2;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			db_url = optarg;
			break;
		case 'u':
			username = optarg;
			break;
		case 'p':
			password = optarg;
			break;
		case 'n':
			display = optarg;
			break;
		case 'r': {
			if (nroles == XF_MAX_GRANTS)
				return xf_cli_usage_error("user",
				                          "too many roles");
			char *colon = strchr(optarg, ':');
			roles[nroles].org_id = 0;
			if (colon) {
				*colon = '\0';
				char *end;
				roles[nroles].org_id =
				    strtoll(colon + 1, &end, 10);
				if (*end || roles[nroles].org_id < 1)
					return xf_cli_usage_error(
					    "user", "--role ROLE[:ORG_ID]");
			}
			roles[nroles].role = optarg;
			roles[nroles].org_path = NULL;
			nroles++;
			break;
		}
		case 'h':
			return xf_cmd_user(1, argv);
		default:
			return xf_cli_bad_option("user", argv);
		}
	}
	if (!username)
		return xf_cli_usage_error("user", "--username is required");
	if (!password)
		password = getenv("XF_PASSWORD");
	if (strcmp(sub, "roles") != 0 && (!password || strlen(password) < 8))
		return xf_cli_usage_error(
		    "user", "a password of 8 or more characters is "
		            "required (--password or $XF_PASSWORD)");
	if (xf_auth_init() != 0)
		return 1;
	xf_db *db = xf_cli_open_db(db_url, 1);
	if (!db)
		return 1;
	xf_arena a;
	xf_arena_init(&a, 0);
	xf_ctx c;
	xf_ctx_init(&c, db, &a, NULL, "cli");
	int rc;
	xf_user u;
	if (strcmp(sub, "add") == 0) {
		xf_user_input in = {.username = username,
		                    .password = password,
		                    .display_name = display,
		                    .roles = roles,
		                    .nroles = nroles};
		rc = xf_user_create(&c, &in, &u);
	} else {
		rc = xf_user_find(&c, username, &u);
		if (rc == XF_OK) {
			int is_roles = strcmp(sub, "roles") == 0;
			xf_user_input in = {.password = password,
			                    .has_password = !is_roles,
			                    .roles = roles,
			                    .nroles = nroles,
			                    .has_roles = is_roles};
			rc = xf_user_update(&c, u.id, &in, &u);
		}
	}
	if (rc != XF_OK)
		fprintf(stderr, "xianfeng user %s: %s%s%s\n", sub,
		        c.err.message ? c.err.message : "failed",
		        c.err.field ? " " : "", c.err.field ? c.err.field : "");
	else
		printf("user %s: %s (id %lld)\n", sub, u.username,
		       (long long)u.id);
	xf_arena_reset(&a);
	xf_db_close(db);
	return rc == XF_OK ? 0 : 1;
}
