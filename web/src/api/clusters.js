import { http } from './http'

export const listClusters = (query) => http.get('/api/clusters', query)
export const getCluster = (id, query) => http.get(`/api/clusters/${id}`, query)
export const createCluster = (body) => http.post('/api/clusters', body)
export const addClusterOrg = (id, orgId) => http.post(`/api/clusters/${id}/orgs`, { org_id: orgId })
export const removeClusterOrg = (id, orgId) => http.del(`/api/clusters/${id}/orgs/${orgId}`)
// a cluster's name and description, deletion and lead of a year
export const updateCluster = (id, body) => http.put(`/api/clusters/${id}`, body)
export const deleteCluster = (id) => http.del(`/api/clusters/${id}`)
export const setClusterLead = (id, year, orgId) => http.put(`/api/clusters/${id}/leads/${year}`, { org_id: orgId })
