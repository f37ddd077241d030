// useWall: what every wall display (大屏) of a subtree shares — the
// organization it shows (?org= of the address, else the top of the current
// role), the read of its data, the time of the last read, and the live
// stream of the subtree (GET /api/cockpit/events) that makes it read again
// when its board changes (the event named `board`: compliance, tasks or
// points), with a read every 30 s only as a fallback.
//
//   const { org, updated, live } = useWall('compliance', async (org) => { … })
import { onMounted, ref } from 'vue'
import { useRoute } from 'vue-router'
import { useSessionStore } from '../stores/session'
import { cockpitEventsUrl } from '../api/cockpit'
import { showError } from '../api/http'
import { startOrgId } from '../utils/scope'
import { formatTime } from '../utils/format'
import { useLive } from './useLive'

export function useWall(board, read) {
  const session = useSessionStore()
  const route = useRoute()
  const org = ref(null)
  const updated = ref('')

  async function load() {
    try {
      await read(org.value)
      updated.value = formatTime(new Date().toISOString()).slice(11)
    } catch (e) {
      showError(e)
    }
  }
  const { start, live } = useLive(() => cockpitEventsUrl(org.value), load, 30000, () => true,
    { events: [board], debounceMs: 400 })
  onMounted(async () => {
    org.value = route.query.org ? Number(route.query.org) : await startOrgId(session.currentRole)
    await start()
  })
  return { org, updated, live }
}
