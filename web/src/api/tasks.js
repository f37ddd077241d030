import { http } from './http'

// 挂图作战: tasks with milestones, cascades, progress reports, reminders,
// the 晒绩 board and the year-end acceptance.
export const listTasks = (query) => http.get('/api/tasks', query)
export const getTask = (id) => http.get(`/api/tasks/${id}`)
export const createTask = (body) => http.post('/api/tasks', body)
export const updateTask = (id, body) => http.patch(`/api/tasks/${id}`, body)
export const deleteTask = (id) => http.del(`/api/tasks/${id}`)
export const cascadeTask = (id, orgIds) => http.post(`/api/tasks/${id}/cascade`, { org_ids: orgIds })

export const listProgress = (id) => http.get(`/api/tasks/${id}/progress`)
export const reportProgress = (id, body) => http.post(`/api/tasks/${id}/progress`, body)

export const addMilestone = (id, body) => http.post(`/api/tasks/${id}/milestones`, body)
export const updateMilestone = (id, mid, body) => http.patch(`/api/tasks/${id}/milestones/${mid}`, body)
export const deleteMilestone = (id, mid) => http.del(`/api/tasks/${id}/milestones/${mid}`)

export const taskReminders = (query) => http.get('/api/tasks/reminders', query)
export const taskBoard = (query) => http.get('/api/tasks/board', query)
export const acceptTask = (id, body) => http.post(`/api/tasks/${id}/acceptance`, body)
export const acceptanceSummary = (query) => http.get('/api/acceptance', query)

/** Every task of a query, page by page (the server pages at most 200),
 *  with the server's today (Asia/Shanghai) that decided the statuses. */
export async function listAllTasks(query, max = 1000) {
  const size = 200
  const first = await listTasks({ ...query, page: 1, size })
  const items = [...first.items]
  for (let page = 2; items.length < Math.min(first.total, max); page++) {
    const res = await listTasks({ ...query, page, size })
    if (!res.items.length) break
    items.push(...res.items)
  }
  return { items, total: first.total, today: first.today }
}
