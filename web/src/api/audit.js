import { http } from './http'

export const listAudit = (query) => http.get('/api/audit', query)
