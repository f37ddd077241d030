import { http, urlWith } from './http'

// 述职评议: live review sessions — the session with its criteria and
// presenters, judges, opening and closing presenters, the judges' scores
// and the results of the closed presenters.
export const listReviews = (query) => http.get('/api/reviews', query)
export const getReview = (id) => http.get(`/api/reviews/${id}`)
export const createReview = (body) => http.post('/api/reviews', body)
export const addJudges = (id, body) => http.post(`/api/reviews/${id}/judges`, body)
export const openPresenter = (id, pid) => http.post(`/api/reviews/${id}/presenters/${pid}/open`)
export const closePresenter = (id, pid, body) => http.post(`/api/reviews/${id}/presenters/${pid}/close`, body)
// a judge's page says a conflict of interest in its own words
export const putScores = (id, pid, scores) =>
  http.put(`/api/reviews/${id}/presenters/${pid}/scores`, { scores }, { own: ['conflict_of_interest'] })
export const reviewResults = (id) => http.get(`/api/reviews/${id}/results`)
/** The results as an Excel table (a link; the session cookie goes along). */
export const reviewResultsXlsx = (id) => urlWith(`/api/reviews/${id}/results.xlsx`)
export const closeReview = (id) => http.post(`/api/reviews/${id}/close`)
/** An outside judge's one-time code opens a session (and sets its cookie). */
export const joinReview = (code) => http.post('/api/reviews/join', { code }, { own: ['code_used', 'invalid_field', 'review_closed'] })
/** The QR code of a judge's code, as an image URL (SVG). */
export const judgeQrUrl = (id, jid) => urlWith(`/api/reviews/${id}/judges/${jid}/qr.svg`)
