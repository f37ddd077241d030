import { http } from './http'

export const login = (username, password) =>
  http.post('/api/auth/login', { username, password }, { quiet401: true })
export const logout = () => http.post('/api/auth/logout', {})
export const me = (opts) => http.get('/api/me', undefined, opts)
