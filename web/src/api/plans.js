import { http } from './http'

// 年度计划 (年初部署): each item becomes a task of its lead organization.
export const listPlans = (query) => http.get('/api/plans', query)
export const getPlan = (id) => http.get(`/api/plans/${id}`)
export const createPlan = (body) => http.post('/api/plans', body)
// title and year; the year stays while tasks carry the plan (409)
export const updatePlan = (id, body) => http.patch(`/api/plans/${id}`, body)
// only a plan no task carries any more (409 with the reason otherwise)
export const deletePlan = (id) => http.del(`/api/plans/${id}`)
