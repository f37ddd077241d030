import { http } from './http'

export const listUsers = (query) => http.get('/api/users', query)
export const getUser = (id) => http.get(`/api/users/${id}`)
export const createUser = (body) => http.post('/api/users', body)
export const updateUser = (id, body) => http.patch(`/api/users/${id}`, body)
