// The one HTTP client of the UI. Pages never call fetch themselves.
//  - The session cookie (xf_session, HttpOnly) goes along by itself; writes
//    carry X-CSRF-Token with the value from the login answer or GET /api/me.
//  - Server errors {"error":{"code","message","field"}} become ApiError, so a
//    form can put the message at the field it concerns (see showError).
//  - 401 sends the user to the login page and back afterwards; 403 shows a
//    clear message; a network failure offers to retry.
import { ElMessage, ElMessageBox } from '../utils/feedback'

let csrf = ''
let onUnauthorized = () => {}

export function setCsrf(v) {
  csrf = v || ''
}

export function setUnauthorizedHandler(fn) {
  onUnauthorized = fn
}

export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message)
    this.status = status
    this.code = code
    this.field = field || null
    this.handled = false
  }
}

function buildUrl(path, query) {
  if (!query) return path
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue
    p.append(k, String(v))
  }
  const s = p.toString()
  return s ? `${path}?${s}` : path
}

async function send(method, url, body, raw) {
  const headers = { Accept: 'application/json' }
  if (method !== 'GET') {
    // A raw body (a file upload) goes as it is, with the file's own type.
    if (raw) headers['Content-Type'] = raw.type || 'application/octet-stream'
    else headers['Content-Type'] = 'application/json'
    if (csrf) headers['X-CSRF-Token'] = csrf
  }
  return fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: raw || (body === undefined ? undefined : JSON.stringify(body)),
  })
}

async function askRetry() {
  try {
    await ElMessageBox.confirm('无法连接服务器，请检查网络后重试。', '网络连接失败', {
      confirmButtonText: '重试',
      cancelButtonText: '取消',
      type: 'warning',
    })
    return true
  } catch {
    return false
  }
}

/** The file name an attachment answer gives (RFC 6266 filename*, else filename). */
function fileName(res) {
  const d = res.headers.get('Content-Disposition') || ''
  const star = d.match(/filename\*=UTF-8''([^;]+)/i)
  if (star) {
    try {
      return decodeURIComponent(star[1])
    } catch {
      // fall through to the plain name
    }
  }
  const plain = d.match(/filename="([^"]*)"/i)
  return plain ? plain[1] : 'download'
}

/**
 * request(method, path, {query, body, raw, quiet401, file}) → parsed JSON answer
 * (file: a successful answer is a file, returned as {blob, name}).
 * raw: a File or Blob sent as the body with its own Content-Type.
 * own: error codes the page shows itself (not shown here, even on a 403).
 * Throws ApiError; errors already shown to the user have handled = true.
 */
export async function request(method, path, opts = {}) {
  const url = buildUrl(path, opts.query)
  let res
  for (;;) {
    try {
      res = await send(method, url, opts.body, opts.raw)
      break
    } catch {
      if (!(await askRetry())) {
        const e = new ApiError(0, 'network', '网络连接失败')
        e.handled = true
        throw e
      }
    }
  }
  if (res.ok && opts.file) return { blob: await res.blob(), name: fileName(res) }
  const text = await res.text()
  let data = null
  if (text) {
    try {
      data = JSON.parse(text)
    } catch {
      data = null
    }
  }
  if (res.ok) return data
  const err = data && data.error ? data.error : {}
  const e = new ApiError(res.status, err.code || 'http_' + res.status,
    err.message || `请求失败（${res.status}）`, err.field)
  e.body = data // the whole answer, for pages that read more than the error
  if (opts.own && opts.own.includes(e.code)) {
    // the page says it in its own words
  } else if (res.status === 401 && !opts.quiet401) {
    e.handled = true
    onUnauthorized()
  } else if (res.status === 403) {
    e.handled = true
    ElMessage({ type: 'error', message: err.code === 'csrf_failed'
      ? err.message || '安全校验失败，请刷新页面后重试'
      : `无权操作：${err.message || '超出您的权限范围'}`, grouping: true })
  } else if (res.status === 429 || res.status >= 500) {
    e.handled = true
    ElMessage({ type: 'error', message: e.message, grouping: true })
  }
  throw e
}

export const http = {
  get: (path, query, opts) => request('GET', path, { ...opts, query }),
  post: (path, body, opts) => request('POST', path, { ...opts, body: body ?? {} }),
  patch: (path, body, opts) => request('PATCH', path, { ...opts, body }),
  put: (path, body, opts) => request('PUT', path, { ...opts, body }),
  del: (path, opts) => request('DELETE', path, opts),
  /** Uploads a File/Blob as the raw body (not multipart). */
  upload: (path, file, query, opts) => request('POST', path, { ...opts, query, raw: file }),
  /** GETs a file (an export): {blob, name}; errors as for any request. */
  file: (path, query, opts) => request('GET', path, { ...opts, query, file: true }),
}

/** A URL with its query, for links (downloads use the session cookie). */
export function urlWith(path, query) {
  return buildUrl(path, query)
}

/**
 * Shows an error where it belongs: at the form field the server named (when
 * the page passed its reactive map of field errors and knows that field),
 * otherwise as a message. Errors the client already showed are skipped.
 */
export function showError(e, fieldErrors, knownFields) {
  if (!(e instanceof ApiError)) {
    console.warn(e)
    ElMessage({ type: 'error', message: '操作失败，请稍后重试' })
    return
  }
  if (e.handled) return
  if (fieldErrors && e.field) {
    let f = e.field
    if (f.startsWith('roles')) f = 'roles'
    // A field inside a list (evidence[0].url) is shown at the list when the
    // form has no place of its own for it.
    if (knownFields && !knownFields.includes(f)) f = f.replace(/[[.].*$/, '')
    if (!knownFields || knownFields.includes(f)) {
      fieldErrors[f] = e.message
      return
    }
  }
  ElMessage({ type: 'error', message: e.message, grouping: true })
}

/** Empties a reactive map of field errors. */
export function clearErrors(fieldErrors) {
  for (const k of Object.keys(fieldErrors)) delete fieldErrors[k]
}
