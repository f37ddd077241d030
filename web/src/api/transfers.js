import { http } from './http'

// 组织关系转接: transfers within the tree, out and in, and their steps.
export const listTransfers = (query) => http.get('/api/transfers', query)
export const createTransfer = (body) => http.post('/api/transfers', body)
export const transferStep = (id, step, body = {}) => http.post(`/api/transfers/${id}/${step}`, body)
