import { http, request } from './http'

// 积分: rulebook, claims, ledger, my points, 先锋榜.
export const listRules = (query) => http.get('/api/point-rules', query)
export const getRule = (id) => http.get(`/api/point-rules/${id}`)
export const createRule = (body) => http.post('/api/point-rules', body)
export const updateRule = (id, body) => http.patch(`/api/point-rules/${id}`, body)
export const getPointSettings = (query) => http.get('/api/point-settings', query)
export const putPointSettings = (body) => request('PUT', '/api/point-settings', { body })

export const listClaims = (query) => http.get('/api/claims', query)
export const createClaim = (body) => http.post('/api/claims', body)
export const approveClaim = (id, reason) => http.post(`/api/claims/${id}/approve`, reason ? { reason } : {})
export const rejectClaim = (id, reason) => http.post(`/api/claims/${id}/reject`, { reason })

export const listLedger = (query) => http.get('/api/ledger', query)
export const myPoints = (query, opts) => http.get('/api/points/me', query, opts)
export const memberBoard = (query) => http.get('/api/leaderboards/members', query)
export const orgBoard = (query) => http.get('/api/leaderboards/orgs', query)

// 公示 and 异议: frozen boards published for a window, objections and answers.
export const listNotices = (query) => http.get('/api/point-notices', query)
export const getNotice = (id) => http.get(`/api/point-notices/${id}`)
export const publishNotice = (body) => http.post('/api/point-notices', body)
export const listObjections = (id, query) => http.get(`/api/point-notices/${id}/objections`, query)
export const fileObjection = (id, body) => http.post(`/api/point-notices/${id}/objections`, body)
export const answerObjection = (id, body) => http.post(`/api/point-objections/${id}/answer`, body)
