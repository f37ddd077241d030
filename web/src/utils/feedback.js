// ElMessage and ElMessageBox imported per component (with their styles), so
// that importing them does not pull in the whole of Element Plus.
export { ElMessage } from 'element-plus/es/components/message/index.mjs'
export { ElMessageBox } from 'element-plus/es/components/message-box/index.mjs'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
