import { http } from './http'

// 四必访: triggers owed a visit, the due list, visit records, coverage.
// the kinds of trigger: built in and kept by the admin, with their deadlines
export const listKinds = () => http.get('/api/visits/kinds')
export const createTrigger = (body) => http.post('/api/visits/triggers', body)
export const listDue = (query) => http.get('/api/visits/due', query)
export const createVisit = (body) => http.post('/api/visits', body)
export const listVisits = (query) => http.get('/api/visits', query)
export const visitCoverage = (query) => http.get('/api/visits/coverage', query)
