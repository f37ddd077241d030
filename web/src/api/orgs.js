import { http } from './http'

export const listOrgs = (query) => http.get('/api/orgs', query)
export const getOrg = (id) => http.get(`/api/orgs/${id}`)
export const createOrg = (body) => http.post('/api/orgs', body)
export const updateOrg = (id, body) => http.patch(`/api/orgs/${id}`, body)
export const deleteOrg = (id) => http.del(`/api/orgs/${id}`)
export const orgChildren = (id) => http.get(`/api/orgs/${id}/children`)
export const orgTree = (id) => http.get(`/api/orgs/${id}/tree`)
export const orgStats = (id) => http.get(`/api/orgs/${id}/stats`)
