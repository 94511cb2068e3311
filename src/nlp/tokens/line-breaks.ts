/**
 * What a single line break means in plain text. Pasted articles, feeds and corpora put one paragraph,
 * headline, dateline or sentence on each line, so there a line break ends a sentence ("headlines
 * without a final period"). Hard-wrapped text (wire copy, e-mail, `fmt` at 72 columns) breaks lines
 * inside sentences, and there only a blank line, a bullet or sentence punctuation does.
 */

/** Share of line-to-line transitions whose next line starts in lower case above which text is hard-wrapped. */
const WRAPPED_LOWER_SHARE = 1 / 3
/** Fewer transitions than this say nothing about wrapping: a headline and one paragraph is not wrapped text. */
const MIN_TRANSITIONS = 3

function isSpaceCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0xa0 || code === 0x3000
}

/**
 * True when single newlines in `text` mostly wrap lines inside sentences. One pass over the text: a
 * line followed directly by a non-blank line is a transition; in wrapped prose most transitions go on
 * in lower case ("the\nresistance"), in line-per-sentence text almost none do.
 *
 * @example
 * isHardWrapped('The IRGC chief said that the\nresistance has grown since early\n2022, and that it\nwill go on.') // true
 * isHardWrapped('Headline\nSubhead\nFirst paragraph.') // false
 */
export function isHardWrapped(text: string): boolean {
  let transitions = 0
  let lower = 0
  let lineHasText = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code !== 0x0a) {
      if (!lineHasText && !isSpaceCode(code)) lineHasText = true
      continue
    }
    if (!lineHasText) continue
    // find the first character of the next line; a blank line is a paragraph break, not a transition
    let j = i + 1
    while (j < text.length && isSpaceCode(text.charCodeAt(j))) j++
    lineHasText = false
    if (j >= text.length || text.charCodeAt(j) === 0x0a) continue
    transitions++
    const next = text[j] as string
    if (next !== next.toUpperCase() && next === next.toLowerCase()) lower++
  }
  return transitions >= MIN_TRANSITIONS && lower >= transitions * WRAPPED_LOWER_SHARE
}

const BULLET_RE = /^(?:[*•·▪‣◦–—-]|\p{N}{1,3}[.)])$/u

/**
 * True when the token `surface` starting a line is a list bullet ("•", "-", "*", "1.", "2)").
 *
 * @example isBullet('•') // true
 */
export function isBullet(surface: string): boolean {
  return BULLET_RE.test(surface)
}
