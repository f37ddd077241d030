import { http } from './http'

export const listUsers = (query) => http.get('/api/users', query)
export const getUser = (id) => http.get(`/api/users/${id}`)
export const createUser = (body) => http.post('/api/users', body)
export const updateUser = (id, body) => http.patch(`/api/users/${id}`, body)
// the admin (or a committee over the user's roles): unlock after failed logins, end every session
export const unlockUser = (id) => http.post(`/api/users/${id}/unlock`, {})
export const endUserSessions = (id) => http.del(`/api/users/${id}/sessions`)
