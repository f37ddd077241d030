// Catalog: the server's code lists with their Chinese labels (GET
// /api/catalog: organization kinds, roles, statuses ...), loaded once after
// login. Pages show a code through label() and fill pickers from options()
// (utils/format.js); no page keeps a copy of a list.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { getCatalog } from '../api/catalog'

export const useCatalogStore = defineStore('catalog', () => {
  const lists = ref({}) // name → [{code, label, ...}] in the server's order
  const labels = ref({}) // name → {code: label}
  const loaded = ref(false)
  let loading = null

  /** Loads the catalog unless it is loaded; a failed load is tried again
   *  on the next call. */
  function load() {
    if (loaded.value) return Promise.resolve()
    if (!loading) {
      loading = getCatalog()
        .then((c) => {
          lists.value = c
          labels.value = Object.fromEntries(Object.entries(c).map(([k, l]) => [k, Object.fromEntries(l.map((x) => [x.code, x.label]))]))
          loaded.value = true
        })
        .finally(() => { loading = null })
    }
    return loading
  }

  const list = (name) => lists.value[name] || []
  const entry = (name, code) => list(name).find((x) => x.code === code) || null
  const label = (name, code) => (code == null ? '' : labels.value[name]?.[code] ?? code)

  return { lists, loaded, load, list, entry, label }
})
