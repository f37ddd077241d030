import { http, urlWith } from './http'

// 专项行动: special campaigns, their reports (evidence through
// api/attachments.js, owner /api/campaign-reports/ID), ratings, ranking, close.
export const listCampaigns = (query) => http.get('/api/campaigns', query)
export const getCampaign = (id) => http.get(`/api/campaigns/${id}`)
export const createCampaign = (body) => http.post('/api/campaigns', body)
export const reportCampaign = (id, body) => http.post(`/api/campaigns/${id}/reports`, body)
export const rateReport = (id, rid, rating) => http.put(`/api/campaigns/${id}/reports/${rid}/rating`, { rating })
export const campaignRanking = (id) => http.get(`/api/campaigns/${id}/ranking`)
export const campaignRankingXlsx = (id) => urlWith(`/api/campaigns/${id}/ranking.xlsx`, {})
export const closeCampaign = (id, summary) => http.post(`/api/campaigns/${id}/close`, { summary })
