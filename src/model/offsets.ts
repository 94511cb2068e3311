/**
 * UTF-16 <-> code point offset conversion, for importing and exporting datasets whose offsets count
 * code points (Python tools). Runtime code never needs it: every span in claimtrail is UTF-16.
 */

/**
 * True when a surrogate pair starts at `i` (`code` is the unit there): a high surrogate followed by a
 * low one. A lone surrogate counts as one code point, as Python and `Array.from` count it.
 */
function isPairAt(text: string, i: number, code: number): boolean {
  if (code < 0xd800 || code > 0xdbff || i + 1 >= text.length) return false
  const next = text.charCodeAt(i + 1)
  return next >= 0xdc00 && next <= 0xdfff
}

/**
 * Maps a code-point offset to a UTF-16 offset in `text`.
 *
 * @example codePointToUtf16('😀a', 1) // 2
 */
export function codePointToUtf16(text: string, codePoint: number): number {
  let units = 0
  for (let cp = 0; cp < codePoint && units < text.length; cp++) {
    const code = text.charCodeAt(units)
    units += isPairAt(text, units, code) ? 2 : 1
  }
  return units
}

/**
 * Maps a UTF-16 offset to a code-point offset in `text`.
 *
 * @example utf16ToCodePoint('😀a', 2) // 1
 */
export function utf16ToCodePoint(text: string, utf16: number): number {
  let cps = 0
  for (let i = 0; i < utf16 && i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (isPairAt(text, i, code)) i++
    cps++
  }
  return cps
}
