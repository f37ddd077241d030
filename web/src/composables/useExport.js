// useExport: 导出Excel of a list page. The server's .xlsx twin of the page's
// JSON list takes the same query, so the page hands over the query it lists
// with (without page and size) and the browser saves the file under the
// server's Chinese name. Errors (a filter the server refuses, more rows than
// one export holds) are shown as for any request.
//
//   const { exporting, exportXlsx } = useExport('/api/members.xlsx', () => listQuery())
import { ref } from 'vue'
import { http, showError } from '../api/http'

/** Saves blob as a file called name (a link the browser follows once). */
export function saveFile(blob, name) {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10000)
}

export function useExport(path, query) {
  const exporting = ref(false)

  async function exportXlsx() {
    exporting.value = true
    try {
      const p = typeof path === 'function' ? path() : path
      const { blob, name } = await http.file(p, query ? query() : undefined)
      saveFile(blob, name)
    } catch (e) {
      showError(e)
    } finally {
      exporting.value = false
    }
  }

  return { exporting, exportXlsx }
}
