import { http, request } from './http'

// 考核评价: schemes (考核办法) with their indicator trees, the index
// (硬核指数) with its explanation and committee scores, star ratings
// (星级评定) and their 公示.
export const listSchemes = (query) => http.get('/api/schemes', query)
export const schemeTemplates = () => http.get('/api/schemes/templates')
/** The published schemes at or above an organization (what it may adopt). */
export const applicableSchemes = (query) => http.get('/api/schemes/applicable', query)
export const getScheme = (id) => http.get(`/api/schemes/${id}`)
export const createScheme = (body) => http.post('/api/schemes', body)
export const updateScheme = (id, body) => http.patch(`/api/schemes/${id}`, body)
export const deleteScheme = (id) => http.del(`/api/schemes/${id}`)
export const publishScheme = (id, body) => http.post(`/api/schemes/${id}/publish`, body)
export const newSchemeVersion = (id) => http.post(`/api/schemes/${id}/versions`)

export const assessmentBoard = (query) => http.get('/api/assessments', query)
export const explainAssessment = (orgId, year) => http.get(`/api/assessments/${orgId}/${year}`)
export const putAssessmentScore = (orgId, year, body) =>
  request('PUT', `/api/assessments/${orgId}/${year}/scores`, { body })

export const listStarRatings = (query) => http.get('/api/star-ratings', query)
export const getStarRating = (id) => http.get(`/api/star-ratings/${id}`)
export const createStarRating = (body) => http.post('/api/star-ratings', body)
export const reviewStarRating = (id, body) => http.post(`/api/star-ratings/${id}/review`, body)
export const decideStarRating = (id) => http.post(`/api/star-ratings/${id}/decide`)
export const starSummary = (query, opts) => http.get('/api/star-ratings/summary', query, opts)
export const publishStarNotice = (body) => http.post('/api/notices', { subject: 'star_ratings', ...body })
