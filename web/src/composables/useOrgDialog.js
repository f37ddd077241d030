// useOrgDialog: a dialog that creates a record at an organization and opens
// at the page's starting one (startOrgId of the current role): whether it is
// open, the organization it opens at, and start() that reads the one and
// then opens it.
//
//   const { open: creating, orgId, start: startNew } = useOrgDialog(session)
//   <CaseCallFormDialog v-model="creating" :org-id="orgId" … />
import { ref } from 'vue'
import { startOrgId } from '../utils/scope'

/** session: the session store (its currentRole is read at each start). */
export function useOrgDialog(session) {
  const open = ref(false)
  const orgId = ref(null)

  /** Reads the starting organization, then opens the dialog. */
  async function start() {
    orgId.value = await startOrgId(session.currentRole)
    open.value = true
  }

  return { open, orgId, start }
}
