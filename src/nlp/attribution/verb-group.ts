/**
 * The cue as PolNeAR marks it (methods §2): the whole verb group, with auxiliaries, modals, negation
 * and adverbs on the left ("has repeatedly said") and a few set phrases on the right ("said Sunday",
 * "said in a statement", "pointed out"). The comma after the cue is never part of it.
 */
import type { AttributionDoc } from './attribution-doc.js'
import { VERB_GROUP_LEFT } from './words.js'

/** Longest left extension: "would not have been" is four words. */
const MAX_LEFT = 4
/** "forcefully told", "boldly suggested", "apparently believed": a manner adverb joins the group. */
const MANNER_ADVERB = /^[a-z]{3,}[^ail]ly$/
const STATEMENT_NOUNS = new Set([
  'statement',
  'interview',
  'email',
  'e-mail',
  'tweet',
  'post',
  'speech',
  'letter',
  'release',
  'op-ed',
  'note',
])
/** Particles and prepositions that PolNeAR keeps in the cue: "pointed out", "called for", "called on". */
const PARTICLES: Readonly<Record<string, ReadonlySet<string>>> = {
  point: new Set(['out', 'to']),
  call: new Set(['on', 'for']),
  speak: new Set(['about']),
  talk: new Set(['about']),
  refer: new Set(['to']),
}

function reportingLemma(d: AttributionDoc, i: number): string {
  return d.verb(i)?.lemma ?? ''
}

function isAuxiliaryLike(word: string): boolean {
  return VERB_GROUP_LEFT.has(word) || word.endsWith("n't") || MANNER_ADVERB.test(word)
}

/**
 * Token range [first, last] (inclusive) of the verb group around the reporting verb at token `verb`.
 *
 * @example for "Salami also said that", with `verb` at "said": the range of "also said"
 */
export function verbGroup(d: AttributionDoc, verb: number): [number, number] {
  let first = verb
  const sentenceStart = d.sentenceRange(verb)[0]
  while (
    first - 1 >= sentenceStart &&
    verb - (first - 1) <= MAX_LEFT &&
    d.isWord(first - 1) &&
    isAuxiliaryLike(d.lo(first - 1))
  ) {
    first--
  }
  let last = verb
  const [, sentenceEnd] = d.sentenceRange(verb)
  const next = (k: number): string => (k < sentenceEnd ? d.lo(k) : '')
  const particle = PARTICLES[reportingLemma(d, verb)]
  if (particle?.has(next(last + 1))) last++
  // PolNeAR keeps "said in a statement" in the cue more often than not (72 to 45 in train), but leaves
  // "said Sunday" (32 to 38) and "said on Sunday" (9 to 21) out
  if (
    next(last + 1) === 'in' &&
    (next(last + 2) === 'a' || next(last + 2) === 'an') &&
    STATEMENT_NOUNS.has(next(last + 3))
  )
    last += 3
  return [first, last]
}
