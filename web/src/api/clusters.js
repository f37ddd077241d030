import { http } from './http'

export const listClusters = (query) => http.get('/api/clusters', query)
export const getCluster = (id) => http.get(`/api/clusters/${id}`)
export const createCluster = (body) => http.post('/api/clusters', body)
export const addClusterOrg = (id, orgId) => http.post(`/api/clusters/${id}/orgs`, { org_id: orgId })
export const removeClusterOrg = (id, orgId) => http.del(`/api/clusters/${id}/orgs/${orgId}`)
