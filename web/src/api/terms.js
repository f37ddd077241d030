import { http } from './http'

// 换届: elections of committees, their approval, the board with countdowns.
export const listTermsDue = (query) => http.get('/api/terms/due', query)
export const listOrgTerms = (orgId) => http.get(`/api/orgs/${orgId}/terms`)
export const createTerm = (orgId, body) => http.post(`/api/orgs/${orgId}/terms`, body)
export const approveTerm = (id, body) => http.post(`/api/terms/${id}/approve`, body)
