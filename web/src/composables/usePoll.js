// usePoll: reads again every `ms` while the page is shown and `when()` is
// true — the live pages of a review session (chair, judge, wall) poll,
// since the server has no event stream (SSE) yet. A read still running is
// not started twice; the timer stops when the page goes away.
//
//   const { start } = usePoll(refresh, 2000, () => hasOpenPresenter.value)
//   onMounted(start)
import { onBeforeUnmount } from 'vue'

export function usePoll(fetch, ms = 2000, when = () => true) {
  let timer = null
  let running = false

  async function tick(always = false) {
    if (running || (!always && !when())) return
    running = true
    try {
      await fetch()
    } finally {
      running = false
    }
  }

  /** Reads once now and then every ms. */
  function start() {
    stop()
    timer = setInterval(tick, ms)
    return tick(true)
  }

  function stop() {
    if (timer) clearInterval(timer)
    timer = null
  }

  onBeforeUnmount(stop)
  return { start, stop, tick }
}
