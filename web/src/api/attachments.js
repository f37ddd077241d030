import { http } from './http'

// Attachments of any record (owner: its API path, e.g. /api/meetings/5 or
// /api/honors/7): the file itself is the body, its name in ?name=.
export const listAttachments = (owner) => http.get(`${owner}/attachments`)
export const uploadAttachment = (owner, file) => http.upload(`${owner}/attachments`, file, { name: file.name })
export const deleteAttachment = (id) => http.del(`/api/attachments/${id}`)
export const attachmentUrl = (id) => `/api/attachments/${id}`
