/**
 * UTF-16 <-> code point offset conversion, for importing and exporting datasets whose offsets count
 * code points (Python tools). Runtime code never needs it: every span in claimtrail is UTF-16.
 */

/**
 * Maps a code-point offset to a UTF-16 offset in `text`.
 *
 * @example codePointToUtf16('😀a', 1) // 2
 */
export function codePointToUtf16(text: string, codePoint: number): number {
  let units = 0
  for (let cp = 0; cp < codePoint && units < text.length; cp++) {
    const code = text.charCodeAt(units)
    units += code >= 0xd800 && code <= 0xdbff && units + 1 < text.length ? 2 : 1
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
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) i++
    cps++
  }
  return cps
}
