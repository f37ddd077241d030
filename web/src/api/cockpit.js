import { http } from './http'

// 驾驶舱: a subtree's figures in one answer, and the stream of its boards'
// changes that keeps the walls (大屏) live.
export const getCockpit = (query) => http.get('/api/cockpit', query)
/** The URL of the live events of org's subtree (EventSource, the cookie). */
export const cockpitEventsUrl = (org) => `/api/cockpit/events${org ? `?org=${org}` : ''}`
