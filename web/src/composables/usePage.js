// usePage: what a page starts with: the session, the current route and the
// router, whether the screen is phone-sized (useNarrow), and whether the
// current role may write in its organizations (admin, committee, secretary).
import { computed } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { useSessionStore } from '../stores/session'
import { useNarrow } from '../utils/media'

export function usePage() {
  const session = useSessionStore()
  return {
    session,
    route: useRoute(),
    router: useRouter(),
    narrow: useNarrow(),
    canWrite: computed(() => session.can('admin', 'committee', 'secretary')),
  }
}
