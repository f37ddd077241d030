import { http } from './http'

// 年度计划 (年初部署): each item becomes a task of its lead organization.
export const listPlans = (query) => http.get('/api/plans', query)
export const getPlan = (id) => http.get(`/api/plans/${id}`)
export const createPlan = (body) => http.post('/api/plans', body)
