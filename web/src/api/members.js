import { http } from './http'

export const listMembers = (query) => http.get('/api/members', query)
export const getMember = (id) => http.get(`/api/members/${id}`)
export const createMember = (body) => http.post('/api/members', body)
export const updateMember = (id, body) => http.patch(`/api/members/${id}`, body)
export const deleteMember = (id) => http.del(`/api/members/${id}`)
export const transferMember = (id, body) => http.post(`/api/members/${id}/transfer`, body)
export const memberTransfers = (id) => http.get(`/api/members/${id}/transfers`)
