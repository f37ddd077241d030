import { http } from './http'

// 党费: bases of a member's year, payments, the year's grid, the unpaid
// list, totals per organization, a member's own year.
export const setBase = (body) => http.put('/api/dues/base', body)
export const pay = (body) => http.post('/api/dues/payments', body)
export const duesGrid = (query) => http.get('/api/dues', query)
export const duesUnpaid = (query) => http.get('/api/dues/unpaid', query)
export const duesTotals = (query) => http.get('/api/dues/totals', query)
export const myDues = (query) => http.get('/api/me/dues', query)
