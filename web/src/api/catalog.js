import { http } from './http'

// The server's code lists with their Chinese labels (any logged-in user).
export const getCatalog = () => http.get('/api/catalog')
