import { http } from './http'

// 实务指南: versioned articles and templates, read by every user; search
// in Chinese (two-character words too).
export const listGuide = (query) => http.get('/api/guide/articles', query)
export const getGuide = (id) => http.get(`/api/guide/articles/${id}`)
export const guideVersions = (id) => http.get(`/api/guide/articles/${id}/versions`)
export const createGuide = (body) => http.post('/api/guide/articles', body)
export const updateGuide = (id, body) => http.patch(`/api/guide/articles/${id}`, body)
export const deleteGuide = (id) => http.del(`/api/guide/articles/${id}`)
export const searchGuide = (q) => http.get('/api/guide/search', { q })
