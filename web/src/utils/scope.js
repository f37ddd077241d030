// The organizations at the top of what the current role may see.
import { getOrg, listOrgs } from '../api/orgs'

/**
 * Tops of the current role's scope as org objects: the role's org for a
 * role bound to one, the roots of the tree for the admin
 * (GET /api/orgs?roots=1).
 */
export async function scopeRoots(role) {
  if (role && role.org_id) return [await getOrg(role.org_id)]
  const res = await listOrgs({ roots: 1, size: 200 })
  return res.items
}
