import { http } from './http'

// 党课库: the lecture library (slides and videos through api/attachments.js,
// owner /api/lectures/ID).
export const listLectures = (query) => http.get('/api/lectures', query)
export const getLecture = (id) => http.get(`/api/lectures/${id}`)
export const createLecture = (body) => http.post('/api/lectures', body)
export const updateLecture = (id, body) => http.patch(`/api/lectures/${id}`, body)
export const deleteLecture = (id) => http.del(`/api/lectures/${id}`)
// a lecture into a case-selection call (案例征集) for the year's best
export const nominateLecture = (id, callId) => http.post(`/api/lectures/${id}/nominate`, { call_id: callId })
