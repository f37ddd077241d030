// The organizations at the top of what the current role may see.
import { watch } from 'vue'
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

/**
 * The organization a page opens at: the current role's, else the first top
 * of its scope; null when there is none (or reading the tops failed, which
 * onError may show).
 */
export async function startOrgId(role, onError = null) {
  if (role && role.org_id) return role.org_id
  const roots = await scopeRoots(role).catch((e) => { if (onError) onError(e); return [] })
  return roots[0]?.id || null
}

/**
 * Opens a list page at its organization: sets org (a ref) to startOrgId(role),
 * then watches sources (as watch() takes them, org among them) with fn,
 * called at once. Resolves when both are done.
 */
export function startAtOrg(role, org, sources, fn) {
  return startOrgId(role).then((id) => {
    org.value = id
    watch(sources, fn, { immediate: true })
  })
}
