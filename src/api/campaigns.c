/*
 * campaigns.c (api) - /api/campaigns: special campaigns (专项行动), their
 * reports, ratings, ranking and close; a report's evidence files are
 * served by api/attachments.c.
 */
#include "api/campaigns.h"
#include "api/bodies.h"

#include "api/api.h"
#include "api/xlsx.h"
#include "domain/campaigns.h"
#include "model/campaign.h"
#include "service/campaigns.h"

#include <string.h>

enum {
	K_ORG,
	K_PARENT,
	K_TITLE,
	K_GOALS,
	K_START,
	K_END,
	K_ITEMS,
	K_PARTS,
	K_COUNT
};
static const xf_field create_fields[K_COUNT] = {
    {"org_id", XF_F_ID, 1, 0, 0, 0, NULL, "发起组织"},
    {"parent_id", XF_F_ID, 0, 1, 0, 0, NULL, "上级专项行动"},
    {"title", XF_F_STR, 1, 0, 1, 100, NULL, "行动名称"},
    {"goals", XF_F_STR, 1, 0, 1, 5000, NULL, "行动目标"},
    {"starts_on", XF_F_DATE, 1, 0, 0, 0, NULL, "开始日期"},
    {"ends_on", XF_F_DATE, 1, 0, 0, 0, NULL, "结束日期"},
    {"items", XF_F_ARRAY, 1, 0, 0, XF_CAMPAIGN_ITEMS_MAX, NULL, "亮比事项"},
    {"participants", XF_F_ARRAY, 0, 1, 0, XF_CAMPAIGN_PARTS_MAX, NULL,
     "参加组织"},
};
const xf_body_table xf_campaigns_create_body = XF_BODY_TABLE(create_fields);

enum { I_TITLE, I_KIND, I_DESC, I_COUNT };
static const xf_field item_fields[I_COUNT] = {
    {"title", XF_F_STR, 1, 0, 1, 100, NULL, "事项名称"},
    {"kind", XF_F_ENUM, 1, 0, 0, 0, xf_campaign_item_kinds, "事项类别"},
    {"description", XF_F_STR, 0, 1, 0, 2000, NULL, "事项说明"},
};
const xf_body xf_campaigns_bodies[] = {
    XF_BODY("POST /api/campaigns", "items[]", item_fields),
    {0},
};

/* The input of a new campaign from the body; 0, or -1 with the answer
 * written. */
static int campaign_input(xf_req *r, xf_campaign_input *in)
{
	const xf_val *v = r->body_vals;
	int n;
	const xf_val *iv = xf_input_items(r, v[K_ITEMS].j, "items", item_fields,
	                                  I_COUNT, &n, NULL, 0);
	if (!iv)
		return -1;
	for (int i = 0; i < n; i++) {
		const xf_val *x = &iv[i * I_COUNT];
		in->items[i].title = x[I_TITLE].s;
		in->items[i].kind = x[I_KIND].s;
		in->items[i].description = xf_val_str(&x[I_DESC]);
	}
	in->nitems = n;
	json_t *ids = v[K_PARTS].present ? v[K_PARTS].j : NULL;
	in->nparts =
	    xf_input_ids(r, ids, "participants", "参加组织", in->parts);
	if (in->nparts < 0)
		return -1;
	in->org_id = v[K_ORG].i;
	in->parent_id = v[K_PARENT].present ? v[K_PARENT].i : 0;
	in->title = v[K_TITLE].s;
	in->goals = v[K_GOALS].s;
	in->starts_on = v[K_START].s;
	in->ends_on = v[K_END].s;
	return 0;
}

/* The campaign page: the campaign with its items, the participants'
 * progress, the reports the caller may see and the campaigns under it. */
static void page_json(xf_jw *w, const xf_campaign_page *p)
{
	xf_campaign_json_open(w, &p->campaign);
	xf_jw_kbool(w, "manager", p->manager);
	xf_jw_key(w, "items");
	xf_jw_arr(w);
	for (int i = 0; i < p->nitems; i++)
		xf_campaign_item_json(w, &p->items[i]);
	xf_jw_arr_end(w);
	xf_jw_key(w, "participants");
	xf_jw_arr(w);
	for (int i = 0; i < p->nparts; i++)
		xf_campaign_part_json(w, &p->parts[i], p->nitems);
	xf_jw_arr_end(w);
	xf_jw_key(w, "reports");
	xf_jw_arr(w);
	for (int i = 0; i < p->nreports; i++)
		xf_campaign_report_json(w, &p->reports[i]);
	xf_jw_arr_end(w);
	xf_jw_key(w, "children");
	xf_jw_arr(w);
	for (int i = 0; i < p->nchildren; i++)
		xf_campaign_json(w, &p->children[i]);
	xf_jw_arr_end(w);
	xf_jw_obj_end(w);
}

/* POST /api/campaigns: 201 with the campaign page. */
/* Creates the campaign in, then reads its page. */
static int create_read(xf_ctx *c, const xf_campaign_input *in,
                       xf_campaign_page *p)
{
	xf_campaign v;
	int rc = xf_campaign_create(c, in, &v);
	return rc != XF_OK ? rc : xf_campaign_read(c, v.id, p);
}

XF_READ_HANDLER(xf_h_campaigns_create,
                xf_campaign_input *in = xf_input_calloc(r, 1, sizeof *in);
                xf_campaign_page p, !in || campaign_input(r, in) != 0,
                create_read(&c, in, &p), XF_ANSWER(r, 201, page_json, &p))

XF_ID_HANDLER(xf_h_campaigns_get, xf_campaign_page p,
              xf_campaign_read(&c, id, &p), XF_ANSWER(r, 200, page_json, &p))

/* GET /api/campaigns?org=&status= */
enum { Q_STATUS = XF_QP_ORG + 1 };
static const xf_param list_params[] = {
    XF_PARAMS_ORG_PAGE,
    XF_PARAM_CODE("status", xf_campaign_statuses, "状态"),
};
const xf_query_table xf_campaigns_list_query = XF_QUERY_TABLE(list_params);

XF_LIST_HANDLER(xf_h_campaigns_list, xf_campaign, xf_campaign_json,
                xf_campaign_list(&c, q[XF_QP_ORG].i,
                                 q[Q_STATUS].present ? q[Q_STATUS].s : NULL,
                                 XF_LIST_OUT))

enum { R_ORG, R_ITEM, R_TEXT, R_COUNT };
static const xf_field report_fields[R_COUNT] = {
    {"org_id", XF_F_ID, 1, 0, 0, 0, NULL, "报送组织"},
    {"item_id", XF_F_ID, 1, 0, 0, 0, NULL, "亮比事项"},
    {"text", XF_F_STR, 1, 0, 1, 5000, NULL, "报送内容"},
};
const xf_body_table xf_campaigns_report_body = XF_BODY_TABLE(report_fields);

/* POST /api/campaigns/{id}/reports: 201 with the report. */
XF_ID_HANDLER(xf_h_campaigns_report, const xf_val *v = r->body_vals;
              xf_campaign_report rep,
              xf_campaign_report_put(&c, id, v[R_ORG].i, v[R_ITEM].i,
                                     v[R_TEXT].s, &rep),
              XF_ANSWER(r, 201, xf_campaign_report_json, &rep))

static const xf_field rate_fields[] = {
    {"rating", XF_F_INT, 1, 0, XF_CAMPAIGN_RATING_MIN, XF_CAMPAIGN_RATING_MAX,
     NULL, "评分"},
};
const xf_body_table xf_campaigns_rate_body = XF_BODY_TABLE(rate_fields);

/* PUT /api/campaigns/{id}/reports/{rid}/rating {"rating"}: the report. */
void xf_h_campaigns_rate(xf_req *r)
{
	xf_ctx c;
	int64_t id, rid;
	xf_campaign_report rep;
	if (xf_api_ctx_id(r, &c, &id) != 0)
		return;
	if (xf_parse_id(r->param[1], INT64_MAX, &rid) != 0) {
		xf_reply_error(r, 404, "not_found", "报送记录不存在", NULL);
		return;
	}
	if (!xf_api_failed(r, &c,
	                   xf_campaign_report_rate(
	                       &c, id, rid, (int)r->body_vals[0].i, &rep)))
		XF_ANSWER(r, 200, xf_campaign_report_json, &rep);
}

/* The ranking: {"campaign", "items": participants best first}. */
typedef struct ranking {
	xf_campaign campaign;
	xf_campaign_part *parts;
	int n;
} ranking;

static void ranking_json(xf_jw *w, const ranking *k)
{
	xf_jw_obj(w);
	xf_jw_key(w, "campaign");
	xf_campaign_json(w, &k->campaign);
	xf_jw_key(w, "items");
	xf_jw_arr(w);
	for (int i = 0; i < k->n; i++)
		xf_campaign_part_json(w, &k->parts[i], k->campaign.item_count);
	xf_jw_arr_end(w);
	xf_jw_obj_end(w);
}

XF_ID_HANDLER(xf_h_campaigns_ranking, ranking k,
              xf_campaign_ranking(&c, id, &k.campaign, &k.parts, &k.n),
              XF_ANSWER(r, 200, ranking_json, &k))

/* A row of the ranking sheet. */
static void ranking_cells(void *arg, int i, xf_xlsx_cell *cells)
{
	const ranking *k = arg;
	const xf_campaign_part *p = &k->parts[i];
	cells[0] = (xf_xlsx_cell){NULL, p->rank, 0};
	cells[1] = (xf_xlsx_cell){p->org_name, 0, -1};
	cells[2] = (xf_xlsx_cell){NULL, (double)p->reported, 0};
	cells[3] = (xf_xlsx_cell){NULL, (double)k->campaign.item_count, 0};
	cells[4] = (xf_xlsx_cell){NULL, (double)p->rated, 0};
	cells[5] = p->rated
	               ? (xf_xlsx_cell){NULL, p->rating_avg_x100 / 100.0, 2}
	               : (xf_xlsx_cell){"", 0, -1};
}

/* GET /api/campaigns/{id}/ranking.xlsx: the ranking as a sheet. */
void xf_h_campaigns_ranking_xlsx(xf_req *r)
{
	xf_ctx c;
	int64_t id;
	ranking k;
	if (xf_api_ctx_id(r, &c, &id) != 0 ||
	    xf_api_failed(
	        r, &c,
	        xf_campaign_ranking(&c, id, &k.campaign, &k.parts, &k.n)))
		return;
	static const char *const heads[] = {
	    "名次", "组织", "已报送事项", "事项总数", "已评分事项", "平均评分"};
	static const double widths[] = {6, 30, 12, 10, 12, 10};
	const char *title =
	    xf_arena_printf(&r->arena, "%s 排名", k.campaign.title);
	const char *sub = xf_arena_printf(
	    &r->arena, "%s：%s 至 %s（按已报送事项数、平均评分排序）",
	    k.campaign.org_name, k.campaign.starts_on, k.campaign.ends_on);
	xf_xlsx_table t = {.sheet = "排名",
	                   .title = title,
	                   .subtitle = sub,
	                   .headers = heads,
	                   .widths = widths,
	                   .ncols = 6,
	                   .nrows = k.n,
	                   .row = ranking_cells,
	                   .arg = &k};
	xf_xlsx_reply(
	    r, xf_arena_printf(&r->arena, "%s排名.xlsx", k.campaign.title),
	    "专项行动排名.xlsx", "专项行动排名", xf_xlsx_table_write, &t);
}

static const xf_field close_fields[] = {
    {"summary", XF_F_STR, 1, 0, 1, 10000, NULL, "行动总结"},
};
const xf_body_table xf_campaigns_close_body = XF_BODY_TABLE(close_fields);

/* POST /api/campaigns/{id}/close {"summary"}: the campaign. */
XF_ID_HANDLER(xf_h_campaigns_close, xf_campaign v,
              xf_campaign_close(&c, id, r->body_vals[0].s, &v),
              XF_ANSWER(r, 200, xf_campaign_json, &v))
