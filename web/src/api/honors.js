import { http, urlWith } from './http'

// 荣誉与成果: the registry of the achievements a year is counted by.
export const listHonors = (query) => http.get('/api/honors', query)
export const getHonor = (id) => http.get(`/api/honors/${id}`)
export const createHonor = (body) => http.post('/api/honors', body)
export const updateHonor = (id, body) => http.patch(`/api/honors/${id}`, body)
export const deleteHonor = (id) => http.del(`/api/honors/${id}`)
// the year's counts over a subtree, and the same as a workbook
export const honorSummary = (query) => http.get('/api/honors/summary', query)
export const honorSummaryXlsx = (query) => urlWith('/api/honors/summary.xlsx', query)

// 党建品牌: a brand with its linked honors and yearly reviews
export const listBrands = (query) => http.get('/api/brands', query)
export const getBrand = (id) => http.get(`/api/brands/${id}`)
export const createBrand = (body) => http.post('/api/brands', body)
export const updateBrand = (id, body) => http.patch(`/api/brands/${id}`, body)
export const deleteBrand = (id) => http.del(`/api/brands/${id}`)
export const reviewBrand = (id, year, body) => http.put(`/api/brands/${id}/reviews/${year}`, body)
