// useDialogForm: the state every form in a dialog keeps — the server's
// messages by field, whether a save is running — and the save itself:
// errors cleared, busy while it runs, a failure shown at the field the
// server named (or as a message when the form has no such field).
//
//   const { errors, busy, reset, submit } = useDialogForm(FIELDS, { name_taken: 'name' })
//   const save = () => submit(async () => {
//     emit('saved', await createOrg(body()))
//     emit('update:modelValue', false)
//   })
//
// known: the form's field names (an array, or a function giving one, for
// forms whose rows come and go); codeFields: error codes the server sends
// without a field, with the field they belong at.
import { reactive, ref } from 'vue'
import { clearErrors, showError } from '../api/http'
import { ElMessage } from '../utils/feedback'

export function useDialogForm(known = null, codeFields = {}) {
  const errors = reactive({})
  const busy = ref(false)

  /** Forgets the messages of the last save (the dialog opens again). */
  const reset = () => clearErrors(errors)

  /** Runs action (which saves and then closes); resolves to whether it succeeded. */
  async function submit(action) {
    clearErrors(errors)
    busy.value = true
    try {
      await action()
      return true
    } catch (e) {
      if (!e.field && codeFields[e.code]) e.field = codeFields[e.code]
      showError(e, errors, typeof known === 'function' ? known() : known)
      return false
    } finally {
      busy.value = false
    }
  }

  return { errors, busy, reset, submit }
}

/**
 * The save of a form that creates a record or edits one: create(body) for a
 * new one, update(record.id, body) with the changed fields, nothing sent
 * when none changed. Resolves to the record as it is now.
 */
export async function saveRecord(record, body, create, update) {
  if (!record) return create(body)
  return Object.keys(body).length ? update(record.id, body) : record
}

/**
 * The whole save of a dialog that creates or edits a record (saveRecord),
 * for submit: says it is done ('已保存' for an edit, created for a new
 * record), emits 'saved' with the record and closes the dialog.
 */
export async function saveAndClose(emit, record, body, { create, update, created }) {
  const saved = await saveRecord(record, body, create, update)
  ElMessage({ type: 'success', message: record ? '已保存' : created })
  emit('saved', saved)
  emit('update:modelValue', false)
}
