import { http, request, urlWith } from './http'

// 组织生活: meetings with their register and follow-up measures, talks.
export const listMeetings = (query) => http.get('/api/meetings', query)
export const getMeeting = (id) => http.get(`/api/meetings/${id}`)
export const createMeeting = (body) => http.post('/api/meetings', body)
export const updateMeeting = (id, body) => http.patch(`/api/meetings/${id}`, body)
export const deleteMeeting = (id) => http.del(`/api/meetings/${id}`)
export const getAttendance = (id) => http.get(`/api/meetings/${id}/attendance`)
export const putAttendance = (id, items) => request('PUT', `/api/meetings/${id}/attendance`, { body: { items } })

export const createMeasure = (meetingId, body) => http.post(`/api/meetings/${meetingId}/measures`, body)
export const listMeasures = (query) => http.get('/api/measures', query)
export const updateMeasure = (id, body) => http.patch(`/api/measures/${id}`, body)
export const deleteMeasure = (id) => http.del(`/api/measures/${id}`)

export const talksDue = (query) => http.get('/api/talks/due', query)
export const listTalks = (query) => http.get('/api/talks', query)
export const createTalk = (body) => http.post('/api/talks', body)


// The yearly attendance register (出席登记簿) of an org, and its Excel file.
export const attendanceRegister = (query) => http.get('/api/attendance/register', query)
export const attendanceRegisterXlsx = (query) => urlWith('/api/attendance/register.xlsx', query)
