/**
 * Lossless tokenizer: every non-space character lands in exactly one token; spaces in none.
 * Words keep inner apostrophes and hyphens ("don't", "al-Quds"), numbers keep separators ("1,000.5"),
 * URLs, e-mails, hashtags and handles stay whole.
 */
import { TokenKind, type TokenTable } from '../../model/tokens.js'

// One alternative per token class, tried left to right at each position. Compiled once (STYLE §6.9).
const TOKEN_RE =
  /(https?:\/\/[^\s<>"'“”‘’]+[^\s<>"'“”‘’.,;:!?)\]])|([\w.+-]+@[\w-]+\.[\w.-]*\w)|([#@][\p{L}\p{N}_]+)|(\p{N}+(?:[.,:/]\p{N}+)*(?:st|nd|rd|th|s|m|bn|km|kg|%)?)|((?:\p{L}\.){2,}(?!\p{L}))|(\p{L}[\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{N}]+)*)|(["“”‘’«»„'`])|(\p{P})|(\S)/gu

const GROUP_KIND: readonly TokenKind[] = [
  TokenKind.SPECIAL,
  TokenKind.SPECIAL,
  TokenKind.SPECIAL,
  TokenKind.NUMBER,
  TokenKind.WORD,
  TokenKind.WORD,
  TokenKind.QUOTE,
  TokenKind.PUNCT,
  TokenKind.SYMBOL,
]

/** Token offsets and kinds for `text`; the sentence column is filled in by the sentence splitter. */
export function tokenize(text: string): { starts: number[]; ends: number[]; kinds: number[] } {
  const starts: number[] = []
  const ends: number[] = []
  const kinds: number[] = []
  TOKEN_RE.lastIndex = 0
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    let kind: TokenKind = TokenKind.SYMBOL
    for (let g = 1; g < m.length; g++) {
      if (m[g] !== undefined) {
        kind = GROUP_KIND[g - 1] as TokenKind
        break
      }
    }
    starts.push(m.index)
    ends.push(m.index + m[0].length)
    kinds.push(kind)
  }
  return { starts, ends, kinds }
}

export function toTable(
  tok: { starts: number[]; ends: number[]; kinds: number[] },
  sentence: number[],
): TokenTable {
  return {
    count: tok.starts.length,
    starts: Uint32Array.from(tok.starts),
    ends: Uint32Array.from(tok.ends),
    kinds: Uint8Array.from(tok.kinds),
    sentence: Uint32Array.from(sentence),
  }
}
