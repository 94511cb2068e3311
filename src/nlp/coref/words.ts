/**
 * Word-level view of the token table for the coref rules: surface, lower case, possessive-stripped
 * form, sentence, and whether a token sits inside a direct quote. Built once per document.
 */
import type { DocView } from '../../model/doc-view.js'
import { TokenKind } from '../../model/tokens.js'

const POSSESSIVE_RE = /['’]s?$/u
const CLITIC_RE = /^['’]s?$/u
const ACRONYM_RE = /^(?:\p{Lu}[\p{Lu}\d&]+|(?:\p{Lu}\.){2,})$/u
const CAPITALISED_RE = /^\p{Lu}/u
const LOWER_START_RE = /^\p{Ll}/u
const LETTER_RE = /\p{L}/u
const LETTER_START_RE = /^\p{L}/u
const ALNUM_RE = /[\p{L}\p{N}]/u
const TITLE_CASE_RE = /^\p{Lu}\p{Ll}+$/u
const POSSESSIVE_END_RE = /['’]s$|s['’]$/u
const OPEN_QUOTES = new Set(['“', '«', '„'])
const CLOSE_QUOTES = new Set(['”', '»'])

export interface Words {
  readonly count: number
  /** Token surface. */
  readonly text: readonly string[]
  /** Lower case, possessive ('s, ’s, s') removed: the form the lexicons are keyed by. */
  readonly key: readonly string[]
  readonly starts: Uint32Array
  readonly ends: Uint32Array
  readonly sentence: Uint32Array
  readonly kinds: Uint8Array
  /** 1 when the token is inside a direct quotation (between opening and closing quote marks). */
  readonly quoted: Uint8Array
  /** 1 for a possessive clitic split off by the tokenizer ("’s" in "Iran’s", "'" in "Jones'"). */
  readonly clitic: Uint8Array
  /** 1 for a possessor: "Iran’s" as one token, or "Iran" followed by a clitic token. */
  readonly possessive: Uint8Array
}

/** Strips a possessive ending: "Iran’s" -> "Iran", "Jones'" -> "Jones". */
export function stripPossessive(word: string): string {
  return word.length > 2 ? word.replace(POSSESSIVE_RE, '') : word
}

/** A possessive written as one token ("Iran’s", "Jones'"); see `Words.possessive` for split clitics. */
export function isPossessive(word: string): boolean {
  return word.length > 2 && POSSESSIVE_END_RE.test(word)
}

/** "IRGC", "U.S.", "NATO" (two or more capitals, no lower case). */
export function isAcronym(word: string): boolean {
  return ACRONYM_RE.test(word)
}

export function isCapitalised(word: string): boolean {
  return CAPITALISED_RE.test(word)
}

/** Starts with a lower-case letter ("said", "the"). */
export function startsLower(word: string): boolean {
  return LOWER_START_RE.test(word)
}

/** Holds a letter anywhere ("IRGC", "’s"); punctuation and numbers do not. */
export function hasLetter(word: string): boolean {
  return LETTER_RE.test(word)
}

/** Starts with a letter. */
export function startsWithLetter(word: string): boolean {
  return LETTER_START_RE.test(word)
}

/** Holds a letter or a digit. */
export function hasLetterOrDigit(word: string): boolean {
  return ALNUM_RE.test(word)
}

/** One capital then lower case only ("Khamenei"), the shape of a surname or first name. */
export function isTitleCase(word: string): boolean {
  return TITLE_CASE_RE.test(word)
}

/**
 * Marks tokens inside direct quotes. Curly quotes open and close by shape; a straight `"` toggles.
 * A line break closes an open quote (news leaves a multi-paragraph quote open and reopens it on the
 * next paragraph), so one unbalanced mark never swallows the rest of the article.
 */
function markQuoted(doc: DocView, text: readonly string[]): Uint8Array {
  const t = doc.tokens
  const quoted = new Uint8Array(t.count)
  let open = false
  for (let i = 0; i < t.count; i++) {
    if (i > 0 && doc.text.slice(t.ends[i - 1], t.starts[i]).includes('\n')) open = false
    const w = text[i] as string
    if (t.kinds[i] === TokenKind.QUOTE) {
      if (OPEN_QUOTES.has(w)) open = true
      else if (CLOSE_QUOTES.has(w)) open = false
      else if (w === '"') open = !open
      continue
    }
    if (open) quoted[i] = 1
  }
  return quoted
}

/**
 * Builds the word view of a document.
 *
 * @example buildWords(view).key[0] // 'salami' for "Salami’s …"
 */
export function buildWords(doc: DocView): Words {
  const t = doc.tokens
  const text: string[] = new Array<string>(t.count)
  const key: string[] = new Array<string>(t.count)
  for (let i = 0; i < t.count; i++) {
    const w = doc.text.slice(t.starts[i], t.ends[i])
    text[i] = w
    key[i] = stripPossessive(w).toLowerCase()
  }
  const clitic = new Uint8Array(t.count)
  const possessive = new Uint8Array(t.count)
  for (let i = 0; i < t.count; i++) {
    const w = text[i] as string
    if (i > 0 && t.ends[i - 1] === t.starts[i] && CLITIC_RE.test(w)) {
      clitic[i] = 1
      possessive[i - 1] = 1
    } else if (isPossessive(w)) possessive[i] = 1
  }
  return {
    count: t.count,
    text,
    key,
    starts: t.starts,
    ends: t.ends,
    sentence: t.sentence,
    kinds: t.kinds,
    quoted: markQuoted(doc, text),
    clitic,
    possessive,
  }
}
