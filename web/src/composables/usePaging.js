// usePaging: the state of one paged list of the API (?page=&size= →
// {items, total, …}) that the list pages share: the page and its size, the
// last answer, whether a load is running, the load itself (errors shown, an
// older answer never overwrites a newer one) and the handlers of
// <el-pagination>.
//
//   const { page, size, data, loading, load, onPage, onSize } =
//     usePaging((q) => listUsers({ q: search.value, ...q }))
//   <el-pagination :current-page="page" :page-size="size" :total="data.total"
//                  @current-change="onPage" @size-change="onSize" />
//
// Pages that keep the page in the address pass go(p): a page change then
// calls go (which writes the address; the page's watcher of the address
// reads it back with fromQuery and loads), and pageQuery(p) gives the page
// and size as they go into the address.
import { ref } from 'vue'
import { showError } from '../api/http'

export function usePaging(fetch, { size: firstSize = 20, go = null } = {}) {
  const page = ref(1)
  const size = ref(firstSize)
  const data = ref({ items: [], total: 0 })
  const loading = ref(false)
  let seq = 0

  /** Loads the current page; resolves to the answer (null on failure). */
  async function load() {
    const mine = ++seq
    loading.value = true
    try {
      const res = await fetch({ page: page.value, size: size.value })
      if (mine === seq) data.value = res
      return res
    } catch (e) {
      if (mine === seq) showError(e)
      return null
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  /** Back to the first page (a filter changed) and load it. */
  function reload() {
    page.value = 1
    return load()
  }

  function onPage(p) {
    if (go) return go(p)
    page.value = p
    return load()
  }

  function onSize(s) {
    size.value = s
    if (go) return go(1)
    return reload()
  }

  /** Reads page and size from an address query. */
  function fromQuery(q) {
    page.value = Number(q.page) || 1
    size.value = Number(q.size) || firstSize
  }

  /** Page p and the size for an address query; defaults stay out of it. */
  const pageQuery = (p = 1) => ({
    page: p > 1 ? p : undefined,
    size: size.value !== firstSize ? size.value : undefined,
  })

  return { page, size, data, loading, load, reload, onPage, onSize, fromQuery, pageQuery }
}
