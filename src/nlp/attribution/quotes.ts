/**
 * The quote-mark state machine (methods §4): pairs double quotation marks into quotation regions.
 * Curly marks say which way they face; a straight " faces by its neighbours. A quotation left open at a
 * paragraph break continues when the next paragraph opens with a quote mark (the news convention for
 * multi-paragraph quotes: every paragraph opens, only the last closes), or when a closing mark follows
 * within a few lines (a tweet or statement quoted line by line); otherwise it is unbalanced and dropped
 * with a diagnostic. Single quotes are apostrophes far more often than quotes and are ignored,
 * but a doubled '' or `` (PTB-style copy) is a double quotation mark.
 */

export interface QuoteRegion {
  /** Offset of the opening mark. */
  start: number
  /** Offset just after the closing mark. */
  end: number
  /** Paragraph index of the opening and of the closing mark. */
  firstParagraph: number
  lastParagraph: number
}

export interface QuoteProblem {
  offset: number
  message: string
}

/** A quotation may run over this many line breaks without re-opening marks ("Cool clock, Ahmed.⏎Want to …"). */
const MAX_LINES_IN_QUOTE = 4
const OPENING = new Set(['“', '«', '„', '``'])
const CLOSING = new Set(['”', '»'])
// '' is both the opening and the closing mark in some wire and NYT copy (PTB-style quotes)
const DOUBLE_MARK = /[“”"«»„]|''|``/g
const SPACE_OR_OPEN_BEFORE = /[\s([{—–-]/
const WORDLIKE = /[\p{L}\p{N}$£€]/u

/** Whether a straight double quote at `i` (`length` characters) opens (true), closes (false) or cannot be told (null). */
function straightFacing(text: string, i: number, length: number): boolean | null {
  const before = i > 0 ? (text[i - 1] as string) : ' '
  const after = i + length < text.length ? (text[i + length] as string) : ' '
  const opens = SPACE_OR_OPEN_BEFORE.test(before) && !/\s/.test(after)
  const closes = !SPACE_OR_OPEN_BEFORE.test(before) && !WORDLIKE.test(after)
  if (opens && !closes) return true
  if (closes && !opens) return false
  return null
}

/**
 * Quotation regions of `text`, in order, and the marks that could not be paired.
 * `paragraphOf(offset)` gives the paragraph index of an offset.
 *
 * @example findQuotes('He said: “We won.”', () => 0).regions // [{ start: 9, end: 18, … }]
 */
export function findQuotes(
  text: string,
  paragraphOf: (offset: number) => number,
  paragraphStart: (paragraph: number) => number,
): { regions: QuoteRegion[]; problems: QuoteProblem[] } {
  const regions: QuoteRegion[] = []
  const problems: QuoteProblem[] = []
  let open = -1
  let openParagraph = -1
  let currentParagraph = -1
  DOUBLE_MARK.lastIndex = 0
  for (let m = DOUBLE_MARK.exec(text); m !== null; m = DOUBLE_MARK.exec(text)) {
    const i = m.index
    const mark = m[0]
    const paragraph = paragraphOf(i)
    let opening = OPENING.has(mark) ? true : CLOSING.has(mark) ? false : straightFacing(text, i, mark.length)
    // a closing mark typed for an opening one ("⏎”Mr. Trump embodies …” ― Sonya Herridge"): nothing is
    // open, and it stands before a word after a space or a line start
    if (opening === false && open < 0 && straightFacing(text, i, mark.length) === true) opening = true
    if (open >= 0 && paragraph !== currentParagraph) {
      // A quotation still open at a paragraph break: continued only by an opening mark that starts the next paragraph.
      const startsParagraph = text.slice(paragraphStart(paragraph), i).trim() === ''
      if (paragraph === currentParagraph + 1 && startsParagraph && opening !== false) {
        currentParagraph = paragraph
        continue
      }
      // a quotation over a few lines (a tweet, a statement typed line by line) closes in a later line
      if (opening !== true && !startsParagraph && paragraph - currentParagraph <= MAX_LINES_IN_QUOTE) {
        regions.push({
          start: open,
          end: i + mark.length,
          firstParagraph: openParagraph,
          lastParagraph: paragraph,
        })
        open = -1
        continue
      }
      problems.push({ offset: open, message: 'quotation mark opened and never closed in its paragraph' })
      open = -1
    }
    if (opening === null) opening = open < 0
    if (opening) {
      if (open >= 0) problems.push({ offset: open, message: 'quotation mark opened twice without closing' })
      open = i
      openParagraph = paragraph
      currentParagraph = paragraph
    } else if (open >= 0) {
      regions.push({
        start: open,
        end: i + mark.length,
        firstParagraph: openParagraph,
        lastParagraph: paragraph,
      })
      open = -1
    } else {
      problems.push({ offset: i, message: 'closing quotation mark without an opening one' })
    }
  }
  if (open >= 0) {
    const laterParagraph = paragraphOf(Math.max(0, text.length - 1)) !== currentParagraph
    problems.push({
      offset: open,
      message: `quotation mark opened and never closed${laterParagraph ? ' in its paragraph' : ''}`,
    })
  }
  return { regions, problems }
}
