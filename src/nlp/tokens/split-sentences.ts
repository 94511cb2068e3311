/**
 * Sentence boundaries over the token stream. A boundary follows . ! ? (and closing quotes or brackets
 * after them) when the next token starts a sentence, unless the period ends an abbreviation, a title or
 * an initial ("Maj. Gen.", "U.S.", "J. Smith"). Block edges (paragraphs) always end a sentence.
 */
import type { Block, Sentence } from '../../model/layers.js'
import { TokenKind } from '../../model/tokens.js'
import { ABBREVIATIONS, TITLES_BEFORE_NAMES } from './abbreviations.js'

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»'])

export function splitSentences(
  text: string,
  tok: { starts: number[]; ends: number[]; kinds: number[] },
  blocks: readonly Block[],
): { sentences: Sentence[]; sentenceOfToken: number[] } {
  const n = tok.starts.length
  const boundaryAfter = new Uint8Array(n)
  // Paragraph edges: the last token before a blank line or a block edge closes a sentence.
  const blockEnds = blocks.map((b) => b.end).sort((a, b) => a - b)
  let be = 0
  for (let i = 0; i < n - 1; i++) {
    const end = tok.ends[i] as number
    const nextStart = tok.starts[i + 1] as number
    while (be < blockEnds.length && (blockEnds[be] as number) < end) be++
    if (be < blockEnds.length && (blockEnds[be] as number) <= nextStart) boundaryAfter[i] = 1
    else if (/\n\s*\n/.test(text.slice(end, nextStart))) boundaryAfter[i] = 1
  }
  for (let i = 0; i < n; i++) {
    const surface = text.slice(tok.starts[i], tok.ends[i])
    if (surface !== '.' && surface !== '!' && surface !== '?' && surface !== '…') continue
    // absorb closing quotes/brackets and repeated terminators
    let j = i
    while (j + 1 < n && tok.starts[j + 1] === tok.ends[j]) {
      const next = text.slice(tok.starts[j + 1], tok.ends[j + 1])
      if (CLOSERS.has(next) || next === '.' || next === '!' || next === '?') j++
      else break
    }
    if (j + 1 >= n) continue
    if (surface === '.' && isAbbreviationPeriod(text, tok, i)) continue
    if (!startsSentence(text, tok, j + 1)) continue
    boundaryAfter[j] = 1
    i = j
  }
  const sentences: Sentence[] = []
  const sentenceOfToken: number[] = new Array<number>(n)
  let first = 0
  for (let i = 0; i < n; i++) {
    sentenceOfToken[i] = sentences.length
    if (boundaryAfter[i] || i === n - 1) {
      sentences.push({ start: tok.starts[first] as number, end: tok.ends[i] as number })
      first = i + 1
    }
  }
  return { sentences, sentenceOfToken }
}

/** The period at token `i` closes an abbreviation, a title or an initial rather than a sentence. */
function isAbbreviationPeriod(
  text: string,
  tok: { starts: number[]; ends: number[]; kinds: number[] },
  i: number,
): boolean {
  if (i === 0 || tok.ends[i - 1] !== tok.starts[i]) return false
  const prev = text.slice(tok.starts[i - 1], tok.ends[i - 1])
  const lower = prev.toLowerCase()
  if (TITLES_BEFORE_NAMES.has(lower)) return true
  if (/^\p{Lu}$/u.test(prev)) return true // an initial: "J. Smith"
  if (ABBREVIATIONS.has(lower)) {
    // "U.S." ends a sentence when what follows is a clear sentence start ("The", "He"), which the
    // caller checks; here only abbreviations that never end a sentence in news count.
    return !/^(?:u\.s|u\.k|inc|co|corp|ltd|jr|sr|etc|a\.m|p\.m)$/.test(lower)
  }
  return false
}

/** Token `k` can open a sentence: a capital letter, a digit, or an opening quote/bracket before one. */
function startsSentence(
  text: string,
  tok: { starts: number[]; ends: number[]; kinds: number[] },
  k: number,
): boolean {
  const surface = text.slice(tok.starts[k], tok.ends[k])
  if (tok.kinds[k] === TokenKind.QUOTE || surface === '(' || surface === '[') return true
  return /^[\p{Lu}\p{N}]/u.test(surface)
}
