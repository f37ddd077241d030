import { http } from './http'

// 案例评选: calls (征集), submissions, blind review, selection, 公示, decision
export const listCaseCalls = (query) => http.get('/api/case-calls', query)
export const getCaseCall = (id) => http.get(`/api/case-calls/${id}`)
export const createCaseCall = (body) => http.post('/api/case-calls', body)
export const closeCaseCall = (id) => http.post(`/api/case-calls/${id}/close`)
export const listCaseSubmissions = (id) => http.get(`/api/case-calls/${id}/submissions`)
export const submitCase = (id, body) => http.post(`/api/case-calls/${id}/submissions`, body)
export const updateCase = (id, body) => http.patch(`/api/case-submissions/${id}`, body)
export const withdrawCase = (id) => http.del(`/api/case-submissions/${id}`)
export const caseAssignments = (id) => http.get(`/api/case-calls/${id}/assignments`)
export const scoreCase = (id, scores) => http.put(`/api/case-submissions/${id}/scores`, { scores })
export const selectCases = (id) => http.post(`/api/case-calls/${id}/select`)
export const publishCases = (id, body) => http.post(`/api/case-calls/${id}/publish`, body)
export const decideCases = (id, body) => http.post(`/api/case-calls/${id}/decide`, body)
// 案例库: the selected cases, city-wide
export const listCases = (query) => http.get('/api/cases', query)
export const getCase = (id) => http.get(`/api/cases/${id}`)
