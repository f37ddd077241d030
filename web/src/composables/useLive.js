// useLive: keeps a page in step with a server event stream (SSE) — the
// live pages of a review session (chair, wall) read again whenever the
// session's stream says something happened (a presenter opened, a judge
// scored, a presenter closed, the session ended), and every `slowMs` as a
// fallback. The browser's EventSource reconnects by itself (with the last
// event id, so nothing is missed); the stream closes with the page.
//
//   const { start } = useLive(() => `/api/reviews/${id}/events`, load)
//   onMounted(start)
import { onBeforeUnmount } from 'vue'
import { usePoll } from './usePoll'

const EVENTS = ['open', 'scored', 'closed', 'ended']

export function useLive(url, fetch, slowMs = 30000, when = () => true) {
  const poll = usePoll(fetch, slowMs, when)
  let source = null

  function start() {
    stop()
    if (typeof EventSource !== 'undefined') {
      source = new EventSource(url())
      for (const e of EVENTS) source.addEventListener(e, () => poll.tick(true))
    }
    return poll.start()
  }

  function stop() {
    if (source) source.close()
    source = null
    poll.stop()
  }

  onBeforeUnmount(stop)
  return { start, stop }
}
