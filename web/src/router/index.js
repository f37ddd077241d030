// Routes with their meta: title (page and menu), roles (who sees the page in
// the menu and may open it), menu group. The server checks every request;
// the roles here only keep the menu to what the current role can use.
import { createRouter, createWebHistory } from 'vue-router'
import { useSessionStore } from '../stores/session'
import { useCatalogStore } from '../stores/catalog'
import AppLayout from '../layout/AppLayout.vue'

const OFFICERS = ['admin', 'committee', 'secretary']
const OVERSEERS = ['admin', 'committee']

export const menuRoutes = [
  { path: '/dashboard', name: 'dashboard', component: () => import('../views/dashboard/DashboardView.vue'),
    meta: { title: '工作台', icon: 'Odometer', roles: [...OFFICERS, 'screen'] } },
  { path: '/orgs', name: 'orgs', component: () => import('../views/orgs/OrgsView.vue'),
    meta: { title: '组织架构', icon: 'OfficeBuilding', group: '组织管理', roles: OFFICERS } },
  { path: '/orgs/list', name: 'org-list', component: () => import('../views/orgs/OrgListView.vue'),
    meta: { title: '党组织列表', icon: 'OfficeBuilding', group: '组织管理', roles: OFFICERS, hidden: true } },
  { path: '/orgs/temporary', name: 'temp-branches', component: () => import('../views/orgs/OrgListView.vue'),
    props: { fixedKind: 'temp_branch' },
    meta: { title: '临时党支部', icon: 'Flag', group: '组织管理', roles: OFFICERS } },
  // 联建共建: the clusters with their pages, and the joint projects
  { path: '/clusters', name: 'clusters', component: () => import('../views/orgs/ClustersView.vue'),
    meta: { title: '片区联建', icon: 'Connection', group: '联建共建', roles: OFFICERS } },
  { path: '/clusters/:id(\\d+)', name: 'cluster', component: () => import('../views/clusters/ClusterView.vue'), props: true,
    meta: { title: '片区详情', icon: 'Connection', group: '联建共建', roles: OFFICERS, hidden: true, menu: '/clusters' } },
  { path: '/joint-projects', name: 'joint-projects', component: () => import('../views/projects/ProjectsView.vue'),
    meta: { title: '联建项目', icon: 'Flag', group: '联建共建', roles: OFFICERS } },
  { path: '/joint-projects/:id(\\d+)', name: 'joint-project', component: () => import('../views/projects/ProjectView.vue'), props: true,
    meta: { title: '联建项目详情', icon: 'Flag', group: '联建共建', roles: OFFICERS, hidden: true, menu: '/joint-projects' } },
  { path: '/members', name: 'members', component: () => import('../views/members/MembersView.vue'),
    meta: { title: '党员管理', icon: 'User', roles: OFFICERS } },
  { path: '/me', name: 'me', component: () => import('../views/profile/MyProfileView.vue'),
    meta: { title: '我的信息', icon: 'Postcard', roles: ['member'] } },
  { path: '/meetings', name: 'meetings', component: () => import('../views/meetings/MeetingsView.vue'),
    meta: { title: '会议记录', icon: 'Calendar', group: '组织生活', roles: OFFICERS } },
  { path: '/meetings/new', name: 'meeting-new', component: () => import('../views/meetings/MeetingEditView.vue'),
    meta: { title: '记录会议', icon: 'Calendar', group: '组织生活', roles: OFFICERS, hidden: true, menu: '/meetings' } },
  { path: '/meetings/followup', name: 'followup', component: () => import('../views/meetings/FollowUpView.vue'),
    meta: { title: '落实与谈心', icon: 'ChatDotRound', group: '组织生活', roles: OFFICERS } },
  { path: '/meetings/:id(\\d+)', name: 'meeting', component: () => import('../views/meetings/MeetingEditView.vue'), props: true,
    meta: { title: '会议详情', icon: 'Calendar', group: '组织生活', roles: OFFICERS, hidden: true, menu: '/meetings' } },
  { path: '/meetings/register', name: 'attendance-register', component: () => import('../views/meetings/RegisterView.vue'),
    meta: { title: '考勤登记簿', icon: 'Notebook', group: '组织生活', roles: OFFICERS } },
  { path: '/compliance', name: 'compliance', component: () => import('../views/compliance/ComplianceView.vue'),
    meta: { title: '季度督导', icon: 'DataAnalysis', group: '组织生活', roles: [...OVERSEERS, 'screen'] } },
  { path: '/points/me', name: 'my-points', component: () => import('../views/points/MyPointsView.vue'),
    meta: { title: '我的积分', icon: 'Medal', group: '先锋积分', roles: ['member'] } },
  { path: '/points/claims', name: 'claims', component: () => import('../views/points/ClaimsView.vue'),
    meta: { title: '申报审核', icon: 'Stamp', group: '先锋积分', roles: OFFICERS } },
  { path: '/points/boards', name: 'boards', component: () => import('../views/points/BoardsView.vue'),
    meta: { title: '先锋榜', icon: 'Trophy', group: '先锋积分', roles: [...OFFICERS, 'member', 'screen'] } },
  { path: '/points/notices', name: 'point-notices', component: () => import('../views/points/NoticesView.vue'),
    meta: { title: '积分公示', icon: 'Bell', group: '先锋积分', roles: [...OFFICERS, 'member'] } },
  { path: '/points/rules', name: 'point-rules', component: () => import('../views/points/RulesView.vue'),
    meta: { title: '积分细则', icon: 'Notebook', group: '先锋积分', roles: [...OFFICERS, 'member'] } },
  { path: '/tasks', name: 'tasks', component: () => import('../views/tasks/TasksView.vue'),
    meta: { title: '任务图', icon: 'Histogram', group: '挂图作战', roles: OFFICERS } },
  { path: '/tasks/reminders', name: 'task-reminders', component: () => import('../views/tasks/RemindersView.vue'),
    meta: { title: '到期提醒', icon: 'AlarmClock', group: '挂图作战', roles: OFFICERS } },
  { path: '/tasks/board', name: 'task-board', component: () => import('../views/tasks/TaskBoardView.vue'),
    meta: { title: '晒绩榜', icon: 'TrendCharts', group: '挂图作战', roles: [...OFFICERS, 'screen'] } },
  { path: '/plans', name: 'plans', component: () => import('../views/tasks/PlansView.vue'),
    meta: { title: '年度计划', icon: 'Tickets', group: '挂图作战', roles: OFFICERS } },
  { path: '/duties', name: 'duties', component: () => import('../views/duties/DutiesView.vue'),
    meta: { title: '三级五岗', icon: 'Tickets', group: '挂图作战', roles: OFFICERS } },
  { path: '/duties/report', name: 'duty-report', component: () => import('../views/duties/DutyReportView.vue'),
    meta: { title: '述职材料', icon: 'Document', group: '挂图作战', roles: [...OFFICERS, 'member'] } },
  { path: '/assessment/schemes', name: 'schemes', component: () => import('../views/assessment/SchemesView.vue'),
    meta: { title: '考核办法', icon: 'Notebook', group: '考核评价', roles: OFFICERS } },
  { path: '/assessment/schemes/:id(\\d+)', name: 'scheme', component: () => import('../views/assessment/SchemeEditView.vue'), props: true,
    meta: { title: '考核办法', icon: 'Notebook', group: '考核评价', roles: OFFICERS, hidden: true, menu: '/assessment/schemes' } },
  { path: '/assessment/index', name: 'index-board', component: () => import('../views/assessment/IndexBoardView.vue'),
    meta: { title: '硬核指数', icon: 'DataLine', group: '考核评价', roles: [...OFFICERS, 'screen'] } },
  { path: '/assessment/index/:org(\\d+)/:year(\\d{4})', name: 'index-explain', component: () => import('../views/assessment/ExplainView.vue'), props: true,
    meta: { title: '指数详情', icon: 'DataLine', group: '考核评价', roles: [...OFFICERS, 'screen'], hidden: true, menu: '/assessment/index' } },
  { path: '/assessment/stars', name: 'star-ratings', component: () => import('../views/assessment/StarRatingsView.vue'),
    meta: { title: '星级评定', icon: 'Star', group: '考核评价', roles: OFFICERS } },
  // 荣誉成果: the registry the year is counted by, and the brands
  { path: '/honors', name: 'honors', component: () => import('../views/honors/HonorsView.vue'),
    meta: { title: '荣誉与成果', icon: 'Trophy', group: '荣誉品牌', roles: OFFICERS } },
  { path: '/brands', name: 'brands', component: () => import('../views/honors/BrandsView.vue'),
    meta: { title: '党建品牌', icon: 'Flag', group: '荣誉品牌', roles: OFFICERS } },
  // 创建评选: creation programs, a program's applications and review, an organization's application
  { path: '/programs', name: 'programs', component: () => import('../views/programs/ProgramsView.vue'),
    meta: { title: '创建评选', icon: 'Medal', group: '创建评选', roles: OFFICERS } },
  { path: '/programs/:id(\\d+)', name: 'program', component: () => import('../views/programs/ProgramView.vue'), props: true,
    meta: { title: '创建评选', icon: 'Medal', group: '创建评选', roles: OFFICERS, hidden: true, menu: '/programs' } },
  { path: '/program-applications/:id(\\d+)', name: 'program-application', component: () => import('../views/programs/ApplicationView.vue'),
    props: true, meta: { title: '创建申报', icon: 'Medal', group: '创建评选', roles: OFFICERS, hidden: true, menu: '/programs' } },
  // 述职评议 (review sessions): the sessions, the chair's console, the judge's phone page
  { path: '/reviews', name: 'reviews', component: () => import('../views/reviews/ReviewsView.vue'),
    meta: { title: '评议场次', icon: 'Microphone', group: '述职评议', roles: OFFICERS } },
  { path: '/reviews/:id(\\d+)', name: 'review-chair', component: () => import('../views/reviews/ReviewChairView.vue'), props: true,
    meta: { title: '主持评议', icon: 'Microphone', group: '述职评议', roles: OVERSEERS, hidden: true, menu: '/reviews' } },
  { path: '/reviews/judge', name: 'review-judge', component: () => import('../views/reviews/ReviewJudgeView.vue'),
    meta: { title: '评委打分', icon: 'EditPen', group: '述职评议', roles: [...OFFICERS, 'member', 'judge'] } },
  // 数据报表: the year's report (年度党建工作报告) as Word and PDF
  { path: '/reports/annual', name: 'annual-report', component: () => import('../views/reports/AnnualReportView.vue'),
    meta: { title: '年度报告', icon: 'Document', group: '数据报表', roles: OFFICERS } },
  // 案例评选: calls, one call's page, the reviewer's blind scoring, the case library
  { path: '/cases/calls', name: 'case-calls', component: () => import('../views/cases/CaseCallsView.vue'),
    meta: { title: '案例征集', icon: 'Tickets', group: '案例评选', roles: [...OFFICERS, 'judge'] } },
  { path: '/cases/calls/:id(\\d+)', name: 'case-call', component: () => import('../views/cases/CaseCallView.vue'), props: true,
    meta: { title: '案例征集详情', icon: 'Tickets', group: '案例评选', roles: [...OFFICERS, 'judge'], hidden: true, menu: '/cases/calls' } },
  { path: '/cases/review', name: 'case-review', component: () => import('../views/cases/CaseReviewView.vue'),
    meta: { title: '案例评审', icon: 'EditPen', group: '案例评选', roles: [...OFFICERS, 'member', 'judge'], hidden: true, menu: '/cases/calls' } },
  { path: '/cases/library', name: 'case-library', component: () => import('../views/cases/CaseLibraryView.vue'),
    meta: { title: '案例库', icon: 'Notebook', group: '案例评选', roles: [...OFFICERS, 'member', 'judge'] } },
  // 关心关爱: 四必访, the visits owed with days left, their records and coverage
  { path: '/visits', name: 'visits', component: () => import('../views/visits/VisitsView.vue'),
    meta: { title: '四必访', icon: 'User', group: '关心关爱', roles: OFFICERS } },
  // 发展党员: the people in the procedure by stage, what is due, one person's 25 steps
  { path: '/recruits', name: 'recruits', component: () => import('../views/recruits/RecruitsView.vue'),
    meta: { title: '发展党员', icon: 'Stamp', group: '党员发展', roles: OFFICERS } },
  { path: '/recruits/:id(\\d+)', name: 'recruit', component: () => import('../views/recruits/RecruitView.vue'), props: true,
    meta: { title: '发展党员详情', icon: 'Stamp', group: '党员发展', roles: OFFICERS, hidden: true, menu: '/recruits' } },
  // 党费: the year's grid of dues paid, the unpaid list, totals per organization
  { path: '/dues', name: 'dues', component: () => import('../views/dues/DuesView.vue'),
    meta: { title: '党费收缴', icon: 'Postcard', group: '党员发展', roles: OFFICERS } },
  // 换届 and 组织关系转接: terms of committees, transfers of party relations
  { path: '/terms', name: 'terms', component: () => import('../views/terms/TermsView.vue'),
    meta: { title: '换届管理', icon: 'Flag', group: '组织管理', roles: OFFICERS } },
  { path: '/transfers', name: 'transfers', component: () => import('../views/transfers/TransfersView.vue'),
    meta: { title: '组织关系转接', icon: 'Connection', group: '组织管理', roles: OFFICERS } },
  // 党课库 and 专项行动: the lecture library; campaigns, a campaign's page
  { path: '/lectures', name: 'lectures', component: () => import('../views/lectures/LecturesView.vue'),
    meta: { title: '党课库', icon: 'Notebook', group: '学习教育', roles: OFFICERS } },
  { path: '/campaigns', name: 'campaigns', component: () => import('../views/campaigns/CampaignsView.vue'),
    meta: { title: '专项行动', icon: 'Flag', group: '学习教育', roles: OFFICERS } },
  { path: '/campaigns/:id(\\d+)', name: 'campaign', component: () => import('../views/campaigns/CampaignView.vue'), props: true,
    meta: { title: '专项行动', icon: 'Flag', group: '学习教育', roles: OFFICERS, hidden: true, menu: '/campaigns' } },
  // 实务指南: the city-wide practice guide, read by every user
  { path: '/guide', name: 'guide', component: () => import('../views/guide/GuideView.vue'),
    meta: { title: '实务指南', icon: 'Notebook', roles: [...OFFICERS, 'member', 'judge'] } },
  { path: '/users', name: 'users', component: () => import('../views/users/UsersView.vue'),
    meta: { title: '用户与权限', icon: 'Lock', group: '系统管理', roles: OVERSEERS } },
  { path: '/audit', name: 'audit', component: () => import('../views/audit/AuditView.vue'),
    meta: { title: '审计日志', icon: 'Document', group: '系统管理', roles: OVERSEERS } },
  // the inbox (待办): opened from the header's bell
  { path: '/inbox', name: 'inbox', component: () => import('../views/inbox/InboxView.vue'),
    meta: { title: '待办事项', icon: 'Bell', roles: [...OFFICERS, 'member'], hidden: true } },
  // 机关文化: activities with sign-ups; members sign up on their phones
  { path: '/activities', name: 'activities', component: () => import('../views/activities/ActivitiesView.vue'),
    meta: { title: '文化活动', icon: 'Tickets', group: '机关文化', roles: [...OFFICERS, 'member'] } },
  // 我的安全: own sessions and the second factor; opened from the user menu
  { path: '/me/security', name: 'my-security', component: () => import('../views/profile/MySecurityView.vue'),
    meta: { title: '我的安全', icon: 'Lock', roles: [...OFFICERS, 'member', 'judge'], hidden: true } },
]

/** The first page the given role may open. */
export function homeFor(role) {
  const r = menuRoutes.find((x) => x.meta.roles.includes(role))
  return r ? r.path : '/403'
}

const routes = [
  { path: '/login', name: 'login', component: () => import('../views/login/LoginView.vue'),
    meta: { title: '登录', public: true } },
  // an outside judge scans the QR code of its one-time code
  { path: '/reviews/join', name: 'review-join', component: () => import('../views/reviews/ReviewJoinView.vue'),
    meta: { title: '评委入场', public: true } },
  // Wall displays: no frame, no menu.
  { path: '/screen/points', name: 'screen-points', component: () => import('../views/screen/PointsScreenView.vue'),
    meta: { title: '先锋榜大屏', roles: [...OFFICERS, 'member', 'screen'] } },
  { path: '/screen/compliance', name: 'screen-compliance', component: () => import('../views/screen/ComplianceScreenView.vue'),
    meta: { title: '组织生活合规大屏', roles: [...OVERSEERS, 'screen'] } },
  { path: '/screen/tasks', name: 'screen-tasks', component: () => import('../views/screen/TaskScreenView.vue'),
    meta: { title: '挂图作战大屏', roles: [...OVERSEERS, 'screen'] } },
  { path: '/screen/reviews/:id(\\d+)', name: 'screen-review', component: () => import('../views/screen/ReviewScreenView.vue'), props: true,
    meta: { title: '述职评议大屏', roles: [...OFFICERS, 'member', 'screen', 'judge'] } },
  {
    path: '/',
    component: AppLayout,
    children: [
      { path: '', name: 'home', redirect: () => homeFor(useSessionStore().role) },
      ...menuRoutes,
      { path: '403', name: 'forbidden', component: () => import('../views/error/ForbiddenView.vue'),
        meta: { title: '无权访问' } },
      { path: ':rest(.*)*', name: 'not-found', component: () => import('../views/error/NotFoundView.vue'),
        meta: { title: '页面不存在' } },
    ],
  },
]

const router = createRouter({ history: createWebHistory(), routes })

router.beforeEach(async (to) => {
  const session = useSessionStore()
  if (to.meta.public) return true
  const user = await session.restore()
  if (!user) return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
  // Labels of codes for every page; a failure was shown, pages then show codes.
  await useCatalogStore().load().catch(() => {})
  if (to.meta.roles && !to.meta.roles.includes(session.role)) return { name: 'forbidden' }
  return true
})

router.afterEach((to) => {
  document.title = `${to.meta.title ? to.meta.title + ' - ' : ''}先锋 · 机关党建数字化工作平台`
})

export default router
