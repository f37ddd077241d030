// useLive: keeps a page in step with a server event stream (SSE) — the
// live pages of a review session (chair, wall) read again whenever the
// session's stream says something happened (a presenter opened, a judge
// scored, a presenter closed, the session ended), and every `slowMs` as a
// fallback. The browser's EventSource reconnects by itself (with the last
// event id, so nothing is missed); the stream closes with the page. The
// walls (大屏) name the events of their board (`events`); a burst of events
// is read once, `debounceMs` after the last (`live` is true while the
// stream is open).
//
//   const { start } = useLive(() => `/api/reviews/${id}/events`, load)
//   const { start, live } = useLive(() => `/api/cockpit/events?org=${id}`, load,
//     30000, () => true, { events: ['compliance'] })
//   onMounted(start)
import { onBeforeUnmount, ref } from 'vue'
import { usePoll } from './usePoll'

const EVENTS = ['open', 'scored', 'closed', 'ended']

export function useLive(url, fetch, slowMs = 30000, when = () => true,
  { events = EVENTS, debounceMs = 0 } = {}) {
  const poll = usePoll(fetch, slowMs, when)
  const live = ref(false)
  let source = null
  let soon = null

  function heard() {
    if (!debounceMs) return poll.tick(true)
    clearTimeout(soon)
    soon = setTimeout(() => poll.tick(true), debounceMs)
  }

  function start() {
    stop()
    if (typeof EventSource !== 'undefined') {
      source = new EventSource(url())
      source.onopen = () => { live.value = true }
      source.onerror = () => { live.value = false }
      for (const e of events) source.addEventListener(e, heard)
    }
    return poll.start()
  }

  function stop() {
    if (source) source.close()
    source = null
    live.value = false
    clearTimeout(soon)
    poll.stop()
  }

  onBeforeUnmount(stop)
  return { start, stop, live }
}
