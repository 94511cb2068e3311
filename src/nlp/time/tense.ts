/**
 * The tense of a sentence around a time expression, from verb-form cues (HeidelTime's `getLastTense`
 * without a POS tagger): the cue nearest before the expression wins, else the first after it.
 * "will/'ll/shall/would/going to", "scheduled", "as soon as", "effective <date>" → future; "was/had/did",
 * irregular past forms, "-ed" verbs, "ago", "since" → past; "is/are/has" → present (which HeidelTime
 * groups with the future for months and quarters).
 */

export type Tense = 'past' | 'present' | 'future' | 'none'

const WORD = /[a-z’']+/gi
const FUTURE = new Set([
  'will',
  "'ll",
  '’ll',
  'shall',
  'gonna',
  "won't",
  'won’t',
  'upcoming',
  'plans',
  'expects',
  'tomorrow',
  'would',
])
const PRESENT = new Set(['is', 'are', 'am', "'s", "'re", 'has', 'have', 'does', 'do', 'says', 'remains'])
const PAST = new Set(
  (
    'was were had did said told ago went came took made gave saw met held left began became won lost found got rose ' +
    'fell sold bought paid led spoke wrote brought thought knew ran stood sent spent built kept felt heard meant ' +
    'struck fought drew grew threw flew chose broke woke wore hid shot fled slid sank swore tore became ' +
    "wasn't weren't didn't hadn't yesterday since"
  ).split(' '),
)
/** Words ending in -ed that are not past verbs. */
const NOT_PAST_ED = new Set(
  'need speed feed seed bed red hundred indeed united proceed exceed succeed embed breed shed creed bred freed greed steed weed wed deed reed bleed'.split(
    ' ',
  ),
)

/** "going to", "expected to", "scheduled to", "set to", "due to", "planned to": future from a past or present frame. */
const FUTURE_BEFORE_TO = new Set([
  'going',
  'expected',
  'scheduled',
  'set',
  'due',
  'planned',
  'planning',
  'plan',
  'about',
])

/** Auxiliaries that make a following participle passive or perfect-present ("is to be held", "has been sold"). */
const BE_BEFORE_PARTICIPLE = new Set(['be', 'been', 'being', 'is', 'are', 'am', "'s", "'re", 'get', 'gets'])

const BE_FORMS = new Set(['is', 'are', 'am', 'was', 'were'])

function classify(word: string, next: string | undefined, previous?: string, previous2?: string): Tense {
  const w = word.toLowerCase()
  // "had been scheduled to expire Friday", "had been due to expire": a plan already past (TBAQ train 2 of 2).
  if (
    (SCHEDULED.has(w) || w === 'due') &&
    previous?.toLowerCase() === 'been' &&
    previous2?.toLowerCase() === 'had'
  )
    return 'past'
  if (FUTURE.has(w)) return 'future'
  // "effective Feb. 1": a change that takes effect on that date, which TBAQ reads as the coming one.
  if (w === 'effective' && next !== undefined && isCapitalised(next)) return 'future'
  // "as soon as Tuesday", "has scheduled a news conference Thursday": TBAQ reads both as ahead.
  if (w === 'soon' && next?.toLowerCase() === 'as') return 'future'
  if (SCHEDULED.has(w)) return 'future'
  // "are to travel", "is to be held", "expected to": plans, which lie ahead.
  if ((FUTURE_BEFORE_TO.has(w) || BE_FORMS.has(w)) && next?.toLowerCase() === 'to') return 'future'
  const participle = PAST.has(w) || (w.length > 4 && w.endsWith('ed') && !NOT_PAST_ED.has(w))
  if (participle && previous !== undefined && BE_BEFORE_PARTICIPLE.has(previous.toLowerCase())) return 'none'
  if (PAST.has(w)) return 'past'
  if (PRESENT.has(w)) return 'present'
  if (w.length > 4 && w.endsWith('ed') && !NOT_PAST_ED.has(w) && word.charCodeAt(0) >= 97) return 'past'
  return 'none'
}

/** Verbs that fix a date for something still to happen, whatever their own tense. */
const SCHEDULED = new Set(['scheduled', 'rescheduled', 'postponed'])

function isCapitalised(word: string): boolean {
  const c = word.charCodeAt(0)
  return c >= 65 && c <= 90
}

/**
 * Tense cue nearest to `[start, end)` inside the sentence `[sentenceStart, sentenceEnd)`.
 *
 * @example tenseAround('He will visit in May.', 0, 20, 15, 18) // 'future'
 */
export function tenseAround(
  text: string,
  sentenceStart: number,
  sentenceEnd: number,
  start: number,
  end: number,
): Tense {
  const before = text.slice(sentenceStart, start).match(WORD)
  if (before) {
    // The word after the last cue before the expression is the expression's own first word.
    const first = text.slice(start, end).match(WORD)?.[0]
    for (let i = before.length - 1; i >= 0; i--) {
      const t = classify(before[i] as string, before[i + 1] ?? first, before[i - 1], before[i - 2])
      if (t !== 'none') return t
    }
  }
  const after = text.slice(end, sentenceEnd).match(WORD)
  if (after) {
    for (let i = 0; i < after.length; i++) {
      const t = classify(after[i] as string, after[i + 1], after[i - 1], after[i - 2])
      if (t !== 'none') return t
    }
  }
  return 'none'
}
