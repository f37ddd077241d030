// /api/import: the roster and organization tree imports and their templates.
import { ApiError, http, urlWith } from './http'

/** The URL of the template of kind ('members' or 'orgs'). */
export const importTemplateUrl = (kind) => urlWith(`/api/import/templates/${kind}.xlsx`)

/**
 * Uploads file to the import of kind, as a dry run or for real. Resolves to
 * the answer {dry_run, rows, valid, created, errors}, also when the commit
 * was refused for the rows' errors (422 import_invalid: nothing written);
 * other errors are thrown (ApiError).
 */
export async function runImport(kind, file, dryRun) {
  try {
    return await http.upload(`/api/import/${kind}`, file, dryRun ? { dry_run: 1 } : undefined,
      { own: ['import_invalid'] })
  } catch (e) {
    if (e instanceof ApiError && e.code === 'import_invalid' && e.body) return { ...e.body, refused: true }
    throw e
  }
}
