import { http, urlWith } from './http'

// 三级五岗: duty items by org/year/level/post, assignments of people to
// posts, evidence linked to items; 述职材料 (the duty report).
export const listDuties = (query) => http.get('/api/duties', query)
export const getDuty = (id) => http.get(`/api/duties/${id}`)
export const createDuty = (body) => http.post('/api/duties', body)
export const updateDuty = (id, body) => http.patch(`/api/duties/${id}`, body)
export const deleteDuty = (id) => http.del(`/api/duties/${id}`)
export const copyDuties = (body) => http.post('/api/duties/copy', body)

export const listAssignments = (query) => http.get('/api/duty-assignments', query)
export const createAssignment = (body) => http.post('/api/duty-assignments', body)
export const deleteAssignment = (id) => http.del(`/api/duty-assignments/${id}`)

export const listEvidence = (dutyId, assignmentId) =>
  http.get(`/api/duties/${dutyId}/evidence`, { assignment_id: assignmentId, size: 200 })
export const addEvidence = (dutyId, body) => http.post(`/api/duties/${dutyId}/evidence`, body)
export const deleteEvidence = (dutyId, eid) => http.del(`/api/duties/${dutyId}/evidence/${eid}`)

export const dutyReport = (memberId, year) => http.get('/api/duty-reports', { member_id: memberId, year, format: 'json' })
/** Links to the printable page and the Word file (the session cookie authenticates them). */
export const dutyReportUrl = (memberId, year, format) => urlWith('/api/duty-reports', { member_id: memberId, year, format })
