// Asking before a step that cannot be taken back, the same way on every page.
import { ElMessageBox } from './feedback'

/**
 * Asks message under title, with confirmText on the button that goes ahead
 * (red when danger) and 取消 beside it; resolves to whether the user agreed.
 */
export function confirmed(message, title, confirmText, { danger = false } = {}) {
  return ElMessageBox.confirm(message, title, {
    type: 'warning', confirmButtonText: confirmText, cancelButtonText: '取消',
    ...(danger ? { confirmButtonClass: 'el-button--danger' } : {}),
  }).then(() => true, () => false)
}
