import { http } from './http'

// 发展党员: people in the procedure, their steps (checked by the server's
// rules), the lists by stage and of what is due.
export const listRecruits = (query) => http.get('/api/recruits', query)
export const listRecruitsDue = (query) => http.get('/api/recruits/due', query)
export const getRecruit = (id) => http.get(`/api/recruits/${id}`)
export const createRecruit = (body) => http.post('/api/recruits', body)
export const recordStep = (id, body) => http.post(`/api/recruits/${id}/steps`, body)
