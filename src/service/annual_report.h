/*
 * annual_report.h (service) - the year's report (年度党建工作报告) of a
 * subtree: its figures gathered from the services the API's boards use
 * (organizations and members, compliance of 三会一课 and 第一议题, the
 * 晒绩 task board with acceptance, the 先锋榜 top rows, duty lists, star
 * ratings), written into the neutral document of model/report_doc.h that
 * src/render turns into PDF or Word. A section is left out when its
 * module holds no data for the subtree and year.
 *
 * Scope: the caller must be able to read the organization (else 404
 * "组织不存在", the answer of every board); every figure is computed for
 * that subtree only. org_id 0: the caller's widest grant.
 * Returns XF_OK or an error kind with c->err filled; the document and
 * *root live in c->a.
 */
#ifndef XF_SERVICE_ANNUAL_REPORT_H
#define XF_SERVICE_ANNUAL_REPORT_H

#include "model/org.h"
#include "model/report_doc.h"
#include "service/ctx.h"

int xf_annual_report(xf_ctx *c, int64_t org_id, int year, xf_report_doc *doc,
                     xf_org *root);

/* Internal: the points section (annual_report_points.c, kept apart
 * because service/leaderboards.h and service/compliance.h both name an
 * xf_board). Adds its heading numbered *section (then incremented) when
 * the boards have rows. */
int xf_annual_report_points(xf_ctx *c, const xf_org *root, int year,
                            xf_report_doc *doc, int *section);

/* "一、" .. "十、" for section numbers 0..9 (then "11." ...), in out. */
const char *xf_annual_section_label(int i, char *out, size_t outsz);

#endif
