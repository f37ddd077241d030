/*
 * audit.c - the actions and entities of the audit log (audit.h).
 */
#include "domain/audit.h"

const xf_code xf_audit_actions[] = {
    {"create", "新增"},
    {"update", "修改"},
    {"delete", "删除"},
    {"move", "移动"},
    {"transfer", "组织关系转接"},
    {"copy", "复制"},
    {"attendance", "登记出勤"},
    {"report", "填报进度"},
    {"approve", "审核通过"},
    {"reject", "退回"},
    {"reverse", "冲正"},
    {"publish", "发布"},
    {"object", "提出异议"},
    {"answer", "答复"},
    {"login", "登录"},
    {"password", "修改密码"},
    {NULL, NULL},
};

const xf_code xf_audit_entities[] = {
    {"org", "党组织"},
    {"cluster", "片区"},
    {"member", "党员"},
    {"user", "用户"},
    {"meeting", "会议"},
    {"meeting_rules", "会议规则"},
    {"attachment", "会议附件"},
    {"measure", "落实举措"},
    {"talk", "谈心谈话"},
    {"point_rule", "积分细则"},
    {"point_settings", "积分设置"},
    {"point_entry", "积分记录"},
    {"point_claim", "积分申报"},
    {"point_notice", "积分公示"},
    {"point_objection", "公示异议"},
    {"plan", "年度计划"},
    {"task", "任务"},
    {"milestone", "时间节点"},
    {"task_progress", "任务进度"},
    {"task_acceptance", "考核验收"},
    {"duty", "职责事项"},
    {"duty_assignment", "岗位分配"},
    {"duty_evidence", "履职佐证"},
    {NULL, NULL},
};
