// useLoad: a page's reading of the server that is not a paged list (see
// usePaging for those): whether it is running, and errors shown as a
// message. fetch does the reading and puts the answers where they belong.
//
//   const { loading, load } = useLoad(async () => { board.value = await taskBoard(q) },
//                                     () => { board.value = null })
import { ref } from 'vue'
import { showError } from '../api/http'

export function useLoad(fetch, onError = null) {
  const loading = ref(false)

  /** Runs fetch; resolves to its answer, or to undefined when it failed. */
  async function load(...args) {
    loading.value = true
    try {
      return await fetch(...args)
    } catch (e) {
      if (onError) onError(e)
      showError(e)
      return undefined
    } finally {
      loading.value = false
    }
  }

  return { loading, load }
}
