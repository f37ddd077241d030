// A step a button starts (save, delete, approve…), run the same way on every
// page: the call, a success message, what follows (a reload), and a failure
// shown as a message.
import { ElMessage } from './feedback'
import { showError } from '../api/http'

/**
 * Runs action; then, when it succeeded, says message (when given) and runs
 * after (when given). A failure of either is shown as a message. Resolves
 * to whether it all succeeded.
 */
export async function runAction(action, message = null, after = null) {
  try {
    await action()
    if (message) ElMessage({ type: 'success', message })
    if (after) await after()
    return true
  } catch (e) {
    showError(e)
    return false
  }
}
