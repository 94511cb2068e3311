/**
 * Lossless tokenizer: every non-space character lands in exactly one token; whitespace in none.
 *
 * One regex scan over the text (compiled once, STYLE §6.9) fills three plain number columns; no object
 * is made per token. Words keep inner apostrophes and hyphens ("O'Brien", "al-Quds", "R-Texas"), but a
 * trailing clitic is its own token, as in spaCy and the Penn Treebank: "Iran’s" → "Iran" + "’s",
 * "didn't" → "did" + "n't", "they're" → "they" + "'re". NER and attribution need the bare name, and
 * the possessive marker is a signal in its own right. Numbers keep their separators and unit suffixes
 * ("1,000.5", "12.53%", "10:30", "1990s"); dotted acronyms keep their periods ("U.S.", "a.m.");
 * URLs, e-mail addresses, hashtags and handles stay whole; an emoji sequence (ZWJ, skin tone, flag)
 * is one token. The scan works on code points (`u` flag), so a surrogate pair is never split.
 */
import { TokenKind, type TokenTable } from '../../model/tokens.js'

/** The three columns the tokenizer fills; the sentence splitter adds the fourth. */
export interface TokenColumns {
  starts: number[]
  ends: number[]
  kinds: number[]
}

// One alternative per token class, tried left to right at each position; compiled once (STYLE §6.9).
// The order matters: URL and e-mail before words (they contain words), numbers before words, dotted
// acronyms before words (so "U.S." keeps its periods), quotes before other punctuation (they get their
// own kind), "..." before ".".
// Alternatives, by capture group:
//  1 URL (no trailing sentence punctuation)
//  2 e-mail (the lookbehind keeps a long run like "a.b.c.d" linear: one attempt per run, not per dot)
//  3 hashtag or handle
//  4 number with separators and a unit suffix that does not start a word ("10th", "1990s", "12.53%")
//  5 dotted acronym or abbreviation ("U.S.", "a.m.", "e.g.")
//  6 word with inner apostrophes and hyphens (a trailing clitic is cut off afterwards)
//  7 a clitic already set off by one space, as in tokenized corpora ("Germany 's", "we 're": CoNLL, GUM)
//  8 emoji sequence (pictograph with skin tones, variation selectors and ZWJ joins) or a flag pair
//  9 quotation mark of any style
// 10 ellipsis written as dots, or a run of ! and ?
// 11 any other punctuation mark, one at a time
// 12 anything else that is not whitespace (symbols, marks, lone surrogates), one code point at a time
const TOKEN_RE =
  /(https?:\/\/[^\s"'<>‘’“”]*[^\s!"'),.:;<>?\]‘’“”])|((?<![\w+.-])[\w+.-]+@[\w-]+(?:\.[\w-]+)+)|([#@][\p{L}\p{N}_]+)|(\p{N}+(?:[,./:]\p{N}+)*(?:(?:st|nd|rd|th|s|m|bn|km|kg)(?![\p{L}\p{N}])|%)?)|((?<![\p{L}\p{N}.])(?:\p{L}\.){2,}(?![\p{L}\p{N}]))|(\p{L}[\p{L}\p{M}\p{N}]*(?:['\-’][\p{L}\p{M}\p{N}]+)*)|((?<=[\p{L}\p{N}] )['’](?:[dmsDMS]|[Rr][Ee]|[Vv][Ee]|[Ll][Ll])(?![\p{L}\p{N}]))|(\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})*(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})*)*|\p{Regional_Indicator}{2})|(["'`«»‘’‚“”„‹›])|(\.{2,}|[!?]{2,})|(\p{P})|(\S)/gu

const GROUP_KIND: readonly TokenKind[] = [
  TokenKind.SPECIAL,
  TokenKind.SPECIAL,
  TokenKind.SPECIAL,
  TokenKind.NUMBER,
  TokenKind.WORD,
  TokenKind.WORD,
  TokenKind.WORD,
  TokenKind.SYMBOL,
  TokenKind.QUOTE,
  TokenKind.PUNCT,
  TokenKind.PUNCT,
  TokenKind.SYMBOL,
]

const WORD_GROUP = 6
const APOSTROPHE = 0x27
const RIGHT_SINGLE_QUOTE = 0x2019

/** Stems that take the contractions 'd, 'm, 're, 've, 'll; elsewhere ("Sa'd", "Ba'll") the apostrophe is part of a name. */
const CONTRACTING_PRONOUNS = new Set([
  'i',
  'you',
  'he',
  'she',
  'it',
  'we',
  'they',
  'who',
  'that',
  'there',
  'what',
  'where',
])

function isApostrophe(code: number): boolean {
  return code === APOSTROPHE || code === RIGHT_SINGLE_QUOTE
}

/** ASCII letter `code` lower-cased (A-Z → a-z); other code units unchanged. */
function lowerAscii(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code
}

/**
 * Where a trailing clitic starts inside the word `[start, end)`, or -1 when the word has none.
 * "'s" (possessive or "is") and "n't" split from any word; "'d", "'m", "'re", "'ve", "'ll" only from
 * the pronouns that contract, so Arabic and Irish names with an apostrophe stay whole.
 */
export function cliticStart(text: string, start: number, end: number): number {
  const len = end - start
  if (len < 3) return -1
  const last = lowerAscii(text.charCodeAt(end - 1))
  const beforeLast = text.charCodeAt(end - 2)
  // 's  (Iran's, it's)
  if (last === 0x73 && isApostrophe(beforeLast)) return end - 2
  if (
    len >= 4 &&
    last === 0x74 &&
    isApostrophe(beforeLast) &&
    lowerAscii(text.charCodeAt(end - 3)) === 0x6e
  ) {
    // n't  (didn't, can't → ca + n't, as spaCy and the Penn Treebank do)
    return end - 3
  }
  let cut = -1
  if ((last === 0x64 || last === 0x6d) && isApostrophe(beforeLast))
    cut = end - 2 // 'd 'm
  else if (len >= 4 && isApostrophe(text.charCodeAt(end - 3))) {
    const pair = (lowerAscii(text.charCodeAt(end - 2)) << 8) | last
    // 're 've 'll
    if (pair === 0x7265 || pair === 0x7665 || pair === 0x6c6c) cut = end - 3
  }
  if (cut > start && CONTRACTING_PRONOUNS.has(text.slice(start, cut).toLowerCase())) return cut
  return -1
}

/**
 * Token offsets and kinds for `text`; the sentence column is filled in by the sentence splitter.
 *
 * @example
 * const t = tokenize('Iran’s IRGC said 12.53%.')
 * // tokens: "Iran" "’s" "IRGC" "said" "12.53%" "."
 * t.starts // [0, 4, 7, 12, 17, 23]
 */
export function tokenize(text: string): TokenColumns {
  const starts: number[] = []
  const ends: number[] = []
  const kinds: number[] = []
  TOKEN_RE.lastIndex = 0
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    // words are most tokens: test their group first, then the others in order
    let group = WORD_GROUP
    if (m[WORD_GROUP] === undefined) {
      group = GROUP_KIND.length
      for (let g = 1; g < m.length; g++) {
        if (m[g] !== undefined) {
          group = g
          break
        }
      }
    }
    const kind = GROUP_KIND[group - 1] as TokenKind
    const start = m.index
    const end = start + m[0].length
    const cut = group === WORD_GROUP ? cliticStart(text, start, end) : -1
    if (cut > start) {
      starts.push(start, cut)
      ends.push(cut, end)
      kinds.push(kind, TokenKind.WORD)
    } else {
      starts.push(start)
      ends.push(end)
      kinds.push(kind)
    }
  }
  return { starts, ends, kinds }
}

/**
 * Packs the columns into the typed-array table the DocView serves.
 *
 * @example
 * const tok = tokenize('He said.')
 * toTable(tok, [0, 0, 0]).count // 3
 */
export function toTable(tok: TokenColumns, sentence: ArrayLike<number>): TokenTable {
  return {
    count: tok.starts.length,
    starts: Uint32Array.from(tok.starts),
    ends: Uint32Array.from(tok.ends),
    kinds: Uint8Array.from(tok.kinds),
    sentence: Uint32Array.from(sentence),
  }
}
