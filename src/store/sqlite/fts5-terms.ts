/**
 * FTS5's terms, made in JavaScript: what the text indexes' tokenizer (`porter unicode61
 * remove_diacritics 2`) makes of a text, so that a phrase's instances in a row can be counted outside
 * SQLite (see `bm25-rank.ts`, which ranks with those counts). The index itself still decides which
 * rows match; these terms only weigh them.
 *
 * unicode61 splits on everything but letters and numbers (and private-use characters), folds case and,
 * with `remove_diacritics 2`, drops the diacritics of Latin letters; porter then stems each term as
 * FTS5 does (`fts5-porter.ts`). A test holds these terms to FTS5's own over the golden articles.
 */
import { porterStem } from './fts5-porter.js'

const TOKEN_CHAR = /[\p{L}\p{N}\p{Co}]/u
const TOKENS = /[\p{L}\p{N}\p{Co}]+/gu
const TOKEN_HERE = /[\p{L}\p{N}\p{Co}]+/uy
const NOT_ASCII = /[\u0080-\uffff]/
const MARKS = /\p{M}/gu

/** A text case-folded and without diacritics, as unicode61 reads it. */
export function foldText(text: string): string {
  const lower = text.toLowerCase()
  return NOT_ASCII.test(lower) ? lower.normalize('NFKD').replace(MARKS, '') : lower
}

const stem = porterStem

/**
 * The index terms of a text, in order.
 *
 * @example fts5Terms('Ministers said: "Taxes are rising."') // ['minist', 'said', 'tax', 'ar', 'rise']
 */
export function fts5Terms(text: string): string[] {
  return (foldText(text).match(TOKENS) ?? []).map(stem)
}

/**
 * Counts the instances of phrases (each a sequence of index terms) in texts. Made once per query and
 * used on every row it ranks, so the work per row is a scan for each phrase's first term, not a
 * tokenization of the whole text: a candidate is any token that starts as that term does but for its
 * last 2 characters (the most of a term porter writes rather than keeps: "-biliti" → "-ble",
 * "-y" → "-i"), checked by stemming the token there.
 */
export class PhraseCounter {
  private readonly probes: string[]
  /** Tokens already stemmed: the same words come back in every row. */
  private readonly stems = new Map<string, string>()

  constructor(private readonly phrases: readonly (readonly string[])[]) {
    this.probes = phrases.map((terms) => {
      const first = terms[0] ?? ''
      return first.slice(0, Math.max(1, first.length - 2))
    })
  }

  /** Instances of each phrase in `text`, in the order the phrases were given. */
  count(text: string): number[] {
    const counts = this.phrases.map(() => 0)
    if (!text) return counts
    const folded = foldText(text)
    for (let p = 0; p < this.phrases.length; p++) {
      const terms = this.phrases[p] as readonly string[]
      const probe = this.probes[p] as string
      if (!terms.length || !probe) continue
      for (let at = folded.indexOf(probe); at >= 0; at = folded.indexOf(probe, at + 1)) {
        if (at > 0 && TOKEN_CHAR.test(charBefore(folded, at))) continue
        if (this.matchesAt(folded, at, terms)) (counts[p] as number)++
      }
    }
    return counts
  }

  /** True when the tokens from `at` on are the phrase's terms. */
  private matchesAt(text: string, at: number, terms: readonly string[]): boolean {
    let start = at
    for (let i = 0; i < terms.length; i++) {
      if (i > 0) {
        start = nextToken(text, start)
        if (start < 0) return false
      }
      const end = tokenEnd(text, start)
      if (end === start || this.stemOf(text.slice(start, end)) !== terms[i]) return false
      start = end
    }
    return true
  }

  private stemOf(token: string): string {
    let term = this.stems.get(token)
    if (term === undefined) {
      term = stem(token)
      if (this.stems.size < 50_000) this.stems.set(token, term)
    }
    return term
  }
}

/** The code point that ends just before `at` (a surrogate pair read whole). */
function charBefore(text: string, at: number): string {
  const low = text.charCodeAt(at - 1)
  return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text.slice(at - 1, at)
}

/** The end of the token that starts at `at`. */
function tokenEnd(text: string, at: number): number {
  TOKEN_HERE.lastIndex = at
  return TOKEN_HERE.test(text) ? TOKEN_HERE.lastIndex : at
}

/** The start of the next token at or after `from`, or -1. */
function nextToken(text: string, from: number): number {
  TOKENS.lastIndex = from
  const match = TOKENS.exec(text)
  return match ? match.index : -1
}
