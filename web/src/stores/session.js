// Session: who is signed in, with which roles, and the role (with its
// organization) the user currently acts in. The cookie itself is HttpOnly;
// the csrf value comes from the login answer or GET /api/me.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as auth from '../api/auth'
import { setCsrf } from '../api/http'

const SIGNED_IN = 'xf_signed_in'
const CURRENT = 'xf_current_role'

export const useSessionStore = defineStore('session', () => {
  const user = ref(null)
  const current = ref(0)
  let restoring = null

  const roles = computed(() => user.value?.roles || [])
  const currentRole = computed(() => roles.value[current.value] || roles.value[0] || null)
  const role = computed(() => currentRole.value?.role || null)

  function accept(u, csrf) {
    user.value = u
    setCsrf(csrf)
    const saved = Number(localStorage.getItem(CURRENT) || 0)
    current.value = saved >= 0 && saved < (u.roles || []).length ? saved : 0
    localStorage.setItem(SIGNED_IN, '1')
  }

  async function login(username, password, otp) {
    const res = await auth.login(username, password, otp)
    localStorage.removeItem(CURRENT)
    accept(res.user, res.csrf)
    return res.user
  }

  /** A session opened by other means (a judge's code): reads who we are. */
  async function adopt() {
    localStorage.removeItem(CURRENT)
    const { csrf, ...u } = await auth.me()
    accept(u, csrf)
    return u
  }

  /** After a reload: asks the server who we are, once, if we were signed in. */
  function restore() {
    if (user.value) return Promise.resolve(user.value)
    if (!localStorage.getItem(SIGNED_IN)) return Promise.resolve(null)
    if (!restoring) {
      restoring = auth.me({ quiet401: true })
        .then((m) => {
          const { csrf, ...u } = m
          accept(u, csrf)
          return u
        })
        .catch(() => {
          clear()
          return null
        })
        .finally(() => { restoring = null })
    }
    return restoring
  }

  function clear() {
    user.value = null
    setCsrf('')
    localStorage.removeItem(SIGNED_IN)
  }

  async function logout() {
    try {
      await auth.logout()
    } finally {
      clear()
      localStorage.removeItem(CURRENT)
    }
  }

  function switchRole(i) {
    current.value = i
    localStorage.setItem(CURRENT, String(i))
  }

  /** True when the current role is one of the given role codes. */
  const can = (...codes) => codes.includes(role.value)

  return { user, roles, current, currentRole, role, login, adopt, restore, clear, logout, switchRole, can }
})
