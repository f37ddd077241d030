import { http } from './http'

// 创建评选: creation programs, and the applications of the organizations.
export const listPrograms = (query) => http.get('/api/programs', query)
export const getProgram = (id) => http.get(`/api/programs/${id}`)
export const createProgram = (body) => http.post('/api/programs', body)
export const programApplications = (id, query) => http.get(`/api/programs/${id}/applications`, query)
export const applyTo = (id, orgId) => http.post(`/api/programs/${id}/applications`, { org_id: orgId })
export const publishCandidates = (id, body) => http.post(`/api/programs/${id}/publish`, body)
export const decideProgram = (id, awarded) => http.post(`/api/programs/${id}/decide`, { awarded })
export const undecideProgram = (id) => http.del(`/api/programs/${id}/decision`)

export const listApplications = (query) => http.get('/api/program-applications', query)
export const getApplication = (id) => http.get(`/api/program-applications/${id}`)
export const assessItem = (id, code, body) => http.put(`/api/program-applications/${id}/items/${code}`, body)
export const submitApplication = (id) => http.post(`/api/program-applications/${id}/submit`)
export const withdrawApplication = (id) => http.post(`/api/program-applications/${id}/withdraw`)
export const reviewApplication = (id, body) => http.put(`/api/program-applications/${id}/review`, body)
