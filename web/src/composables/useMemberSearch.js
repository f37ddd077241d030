// useMemberSearch: the options of a member picker (an el-select with remote
// search): members of an organization's subtree whose name matches what was
// typed, 30 at the most; errors shown as a message.
//
//   const members = useMemberSearch(() => org.value)
//   <el-select filterable remote :remote-method="members.search">
//     <el-option v-for="m in members.options.value" … />
import { ref } from 'vue'
import { listMembers } from '../api/members'
import { showError } from '../api/http'

/** org: a function giving the organization's id (null: the caller's scope). */
export function useMemberSearch(org) {
  const options = ref([])

  /** Loads the members matching q (all when empty) into options. */
  async function search(q) {
    try {
      options.value = (await listMembers({ q: q || undefined, org: org() || undefined, subtree: 1, size: 30 })).items
    } catch (e) {
      showError(e)
    }
  }

  return { options, search }
}
