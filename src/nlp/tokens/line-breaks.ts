/**
 * What a single line break means in plain text. Pasted articles, feeds and corpora put one paragraph,
 * headline, dateline or sentence on each line, so there a line break ends a sentence ("headlines
 * without a final period"). Hard-wrapped text (wire copy, e-mail, `fmt` at 72 columns) breaks lines
 * inside sentences, and there only a blank line, a bullet or sentence punctuation does.
 */

/** Share of line-to-line transitions that go on mid-clause above which text is hard-wrapped. */
const WRAPPED_SHARE = 1 / 3

function isSpaceCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0xa0 || code === 0x3000
}

/** Characters after which a line is complete: sentence and clause punctuation, closing quotes and brackets. */
const LINE_CLOSERS = new Set([
  0x2e, 0x21, 0x3f, 0x2026, 0x3a, 0x3b, 0x22, 0x27, 0x201d, 0x2019, 0x29, 0x5d, 0xbb,
])

/**
 * True when single newlines in `text` mostly wrap lines inside sentences. One pass over the text: a
 * line followed directly by a non-blank line is a transition; it goes on mid-clause when the line ends
 * without punctuation and the next starts in lower case ("the\nresistance"). Wrapped prose is full of
 * those; line-per-sentence text has almost none (GUM's "…flag;\nthe new one…" ends in punctuation).
 *
 * @example
 * isHardWrapped('The IRGC chief said that the\nresistance has grown since early\n2022, and that it\nwill go on.') // true
 * isHardWrapped('Headline\nSubhead\nFirst paragraph.') // false
 */
export function isHardWrapped(text: string): boolean {
  let transitions = 0
  let midClause = 0
  let lastCode = -1 // last non-space character of the current line, -1 while the line is blank
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code !== 0x0a) {
      if (!isSpaceCode(code)) lastCode = code
      continue
    }
    if (lastCode === -1) continue
    // find the first character of the next line; a blank line is a paragraph break, not a transition
    let j = i + 1
    while (j < text.length && isSpaceCode(text.charCodeAt(j))) j++
    const ended = LINE_CLOSERS.has(lastCode)
    lastCode = -1
    if (j >= text.length || text.charCodeAt(j) === 0x0a) continue
    transitions++
    const next = text[j] as string
    if (!ended && next !== next.toUpperCase() && next === next.toLowerCase()) midClause++
  }
  return midClause > 0 && midClause >= transitions * WRAPPED_SHARE
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
