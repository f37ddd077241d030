import { http } from './http'

// 机关文化活动: activities with sign-ups and a waiting list.
export const listActivities = (query) => http.get('/api/activities', query)
export const activityStats = (query) => http.get('/api/activities/stats', query)
export const createActivity = (body) => http.post('/api/activities', body)
// the caller signs up / cancels its own sign-up
export const signUp = (id) => http.post(`/api/activities/${id}/signups`, {})
export const cancelSignUp = (id) => http.del(`/api/activities/${id}/signups/me`)
