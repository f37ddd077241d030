// GET /api/catalog: the server's code lists with their Chinese labels (any
// logged-in user); the catalog store loads it once after login.
import { http } from './http'

export const getCatalog = () => http.get('/api/catalog')
