import { http } from './http'

export const login = (username, password, otp) =>
  http.post('/api/auth/login', otp ? { username, password, otp } : { username, password }, { quiet401: true })
export const logout = () => http.post('/api/auth/logout', {})
export const me = (opts) => http.get('/api/me', undefined, opts)
// 我的安全: own sessions, the second factor (TOTP)
export const mySessions = () => http.get('/api/me/sessions')
export const endMySession = (id) => http.del(`/api/me/sessions/${id}`)
export const totpBegin = () => http.post('/api/me/totp', {})
export const totpConfirm = (code) => http.post('/api/me/totp/confirm', { code })
