import { http } from './http'

// 待办: what is due for the signed-in user (GET /api/inbox), and its count
// for the badge of the header's bell.
export const getInbox = () => http.get('/api/inbox')
export const inboxCount = () => http.get('/api/inbox/count')
