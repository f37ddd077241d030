import { http } from './http'

// 季度督导: each organization's status for a period, and the board.
export const getCompliance = (query) => http.get('/api/compliance', query)
export const getComplianceBoard = (query) => http.get('/api/compliance/board', query)
export const getComplianceRules = () => http.get('/api/compliance/rules')
