import { http } from './http'

// 联建项目: joint projects with partners, central-work tags, the task that
// carries their milestones and progress, reviews and evidence files
export const listJointProjects = (query) => http.get('/api/joint-projects', query)
export const getJointProject = (id) => http.get(`/api/joint-projects/${id}`)
export const createJointProject = (body) => http.post('/api/joint-projects', body)
export const updateJointProject = (id, body) => http.patch(`/api/joint-projects/${id}`, body)
export const deleteJointProject = (id) => http.del(`/api/joint-projects/${id}`)
export const reviewJointProject = (id, year, body) => http.put(`/api/joint-projects/${id}/reviews/${year}`, body)
// 中心工作标签: the list the admin keeps
export const listCentralWorkTags = () => http.get('/api/central-work-tags')
export const createCentralWorkTag = (body) => http.post('/api/central-work-tags', body)
export const deleteCentralWorkTag = (id) => http.del(`/api/central-work-tags/${id}`)
