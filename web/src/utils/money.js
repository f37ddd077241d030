// Money as the API keeps it: integers in fen (分). Text typed in 元 with at
// most two decimals becomes fen by reading its digits, never through a
// floating-point product (0.29 × 100 is 28.999…), and fen are shown in 元
// the same way.

/** "3000.01" → 300001; "12" → 1200; "0.5" → 50. null for anything else
 *  (a sign, a third decimal, letters, empty). */
export function yuanToFen(text) {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(String(text ?? '').trim())
  if (!m) return null
  return Number(m[1]) * 100 + Number((m[2] || '').padEnd(2, '0'))
}

/** 300001 → "3000.01"; null → "—". */
export function fenText(fen) {
  if (fen == null) return '—'
  const sign = fen < 0 ? '-' : ''
  const n = Math.abs(fen)
  return `${sign}${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`
}
