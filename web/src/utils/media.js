// A reactive "is this a phone-sized screen" flag, for pages that switch
// from tables to cards on narrow screens.
import { ref, onBeforeUnmount } from 'vue'

export function useNarrow(maxWidth = 768) {
  const mq = window.matchMedia(`(max-width: ${maxWidth}px)`)
  const narrow = ref(mq.matches)
  const update = () => { narrow.value = mq.matches }
  mq.addEventListener('change', update)
  onBeforeUnmount(() => mq.removeEventListener('change', update))
  return narrow
}
