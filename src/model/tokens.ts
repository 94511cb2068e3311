/**
 * Tokens are columnar (wink/spaCy lesson: tokens are the hot path): parallel typed arrays, no object
 * per token. Callers reach them through DocView accessors; the JSON output leaves them out.
 */

/** Coarse token classes, stored in `TokenTable.kinds`. */
export const TokenKind = {
  WORD: 1,
  NUMBER: 2,
  PUNCT: 3,
  /** Quotation marks of every style: " “ ” ‘ ’ « » and ' used as a quote. */
  QUOTE: 4,
  SYMBOL: 5,
  /** URLs, e-mail addresses, hashtags and @handles, kept whole. */
  SPECIAL: 6,
} as const
export type TokenKind = (typeof TokenKind)[keyof typeof TokenKind]

export interface TokenTable {
  readonly count: number
  /** UTF-16 start offset of each token. */
  readonly starts: Uint32Array
  /** UTF-16 end offset (exclusive) of each token. */
  readonly ends: Uint32Array
  /** Index into the sentences layer of the sentence holding each token. */
  readonly sentence: Uint32Array
  /** TokenKind of each token. */
  readonly kinds: Uint8Array
}

/** An empty token table, for documents with no text. */
export const EMPTY_TOKENS: TokenTable = {
  count: 0,
  starts: new Uint32Array(0),
  ends: new Uint32Array(0),
  sentence: new Uint32Array(0),
  kinds: new Uint8Array(0),
}
