/**
 * Turns the entities stage's name/acronym mentions into working mentions: token range, name words with
 * leading "the", titles ("Major General …", kept apart for the entity's `titles`) and possessive
 * stripped, and the subject proxy.
 */
import type { DocView } from '../../model/doc-view.js'
import type { Mention } from '../../model/layers.js'
import { isSubject } from './grammar.js'
import type { CorefLexicon } from './lexicon.js'
import type { Title, WorkMention } from './model.js'
import {
  hasLetterOrDigit,
  isCapitalised,
  isPossessive,
  isTitleCase,
  stripPossessive,
  type Words,
} from './words.js'

export interface PreparedName {
  mention: WorkMention
  /** Title words inside the mention span ("Ayatollah Seyyed" in "Ayatollah Seyyed Ali Khamenei"). */
  title: Title | null
  /** True when the mention is nothing but title/role words ("Supreme Leader"): resolved like a role noun. */
  roleOnly: boolean
  /** Token where the search for titles before the name starts (before a first name the NER left out). */
  scanFrom: number
}

/** Whether token `i` is a title word, or the period of an abbreviated title ("Sen", "."). */
export function isTitleToken(words: Words, lex: CorefLexicon, i: number): boolean {
  const key = words.key[i] as string
  if (lex.titles.has(key)) return true
  return (
    words.text[i] === '.' &&
    i > 0 &&
    words.ends[i - 1] === words.starts[i] &&
    lex.titles.has(words.key[i - 1] as string)
  )
}

const CALENDAR_WORDS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(
    ' ',
  ),
)

/**
 * Whether token `i`, right after a PERSON mention, looks like a surname the NER left out ("Seyyed Ali"
 * + "Khamenei"): one space away, capitalised letters only, in no other mention, no title, role,
 * demonym or calendar word, and not followed by another capitalised word (a new phrase). It extends
 * the name words and canonical name only; the mention span stays as the entities stage made it.
 */
function missedSurname(
  text: string,
  words: Words,
  lex: CorefLexicon,
  i: number,
  covered: Uint8Array,
): boolean {
  if (i >= words.count || covered[i] || words.sentence[i] !== words.sentence[i - 1]) return false
  if (text.slice(words.ends[i - 1], words.starts[i]) !== ' ') return false
  const w = words.text[i] as string
  const key = words.key[i] as string
  if (!isTitleCase(w)) return false
  if (lex.titles.has(key) || lex.roles.has(key) || lex.countries.has(key) || CALENDAR_WORDS.has(key))
    return false
  const next = words.text[i + 1]
  return !(next !== undefined && words.sentence[i + 1] === words.sentence[i] && isCapitalised(next))
}

/** Whether token `i`, right before a PERSON mention, is a first name the NER left out ("John" + "Burrows"). */
function missedFirstName(
  text: string,
  words: Words,
  lex: CorefLexicon,
  i: number,
  covered: Uint8Array,
): boolean {
  if (i < 0 || covered[i] || words.sentence[i] !== words.sentence[i + 1]) return false
  if (text.slice(words.ends[i], words.starts[i + 1]) !== ' ') return false
  const w = words.text[i] as string
  return (
    isTitleCase(w) && lex.firstNames.has(words.key[i] as string) && !lex.titles.has(words.key[i] as string)
  )
}

/** Whether tokens `[first, last)` are all title or role words and end in a singular PERSON role. */
function isPersonRole(words: Words, lex: CorefLexicon, first: number, last: number): boolean {
  if (last <= first) return false
  for (let i = first; i < last; i++) {
    if (!isTitleToken(words, lex, i) && !lex.roles.has(words.key[i] as string)) return false
  }
  const head = lex.roles.get(words.key[last - 1] as string)
  return head !== undefined && head.type === 'PERSON' && !head.plural
}

/**
 * Prepares one input mention.
 *
 * @example prepareName(view, words, lex, { id: 'm1', start: 0, end: 27, type: 'PERSON', kind: 'name', entity: null }, 0)
 */
export function prepareName(
  doc: DocView,
  words: Words,
  lex: CorefLexicon,
  m: Mention,
  index: number,
  covered: Uint8Array = new Uint8Array(words.count),
): PreparedName {
  const range = doc.tokensIn(m, 'expand') ?? [0, 0]
  let [first] = range
  const last = range[1]
  // A possessive clitic inside the span ("Salami’s") is not part of the name.
  const nameLast = last - 1 > first && words.clitic[last - 1] ? last - 1 : last
  if (words.key[first] === 'the' && last - first > 1) first++
  let title: Title | null = null
  let roleOnly = false
  let type = m.type
  if (m.type !== 'PERSON' && isPersonRole(words, lex, first, nameLast)) {
    // "Supreme Leader" tagged ORG by the NER: a person's role, resolved like "the Supreme Leader".
    roleOnly = true
    type = 'PERSON'
  } else if (m.type === 'PERSON') {
    let j = first
    while (j < last && isTitleToken(words, lex, j)) j++
    if (j === last) roleOnly = true
    else if (j > first) {
      title = {
        text: doc.text.slice(words.starts[first], words.ends[j - 1]),
        start: words.starts[first] as number,
        end: words.ends[j - 1] as number,
      }
      first = j
    }
  }
  // A known first name right before the span that the NER left out ("John" + "Burrows").
  let scanFrom = range[0]
  if (
    type === 'PERSON' &&
    !roleOnly &&
    first === range[0] &&
    missedFirstName(doc.text, words, lex, first - 1, covered)
  ) {
    first--
    scanFrom = first
  }
  let nameUntil = nameLast
  if (
    type === 'PERSON' &&
    !roleOnly &&
    nameLast === last &&
    missedSurname(doc.text, words, lex, last, covered)
  ) {
    nameUntil = last + 1
  }
  // Punctuation the NER swept in at the end ("Google Science Fair —") is not part of the name.
  while (nameUntil - 1 > first && !hasLetterOrDigit(words.text[nameUntil - 1] as string)) nameUntil--
  const nameWords: string[] = []
  for (let i = first; i < nameUntil; i++) {
    if (hasLetterOrDigit(words.text[i] as string)) nameWords.push(words.key[i] as string)
  }
  const lastText = words.text[nameUntil - 1] ?? ''
  const nameEnd = isPossessive(lastText)
    ? (words.starts[nameUntil - 1] as number) + stripPossessive(lastText).length
    : (words.ends[nameUntil - 1] as number)
  const nameStart = words.starts[first] as number
  return {
    mention: {
      start: m.start,
      end: m.end,
      type,
      kind: m.kind,
      first: range[0],
      last,
      sentence: words.sentence[range[0]] ?? 0,
      subject: isSubject(words, range[0], last),
      input: index,
      words: nameWords.length > 0 ? nameWords : [doc.text.slice(m.start, m.end).toLowerCase()],
      // A role-only name ("Supreme Leader") never becomes an entity's canonical name.
      name: roleOnly ? '' : doc.text.slice(nameStart, Math.max(nameStart + 1, nameEnd)),
      rule: 'name',
      cluster: -1,
    },
    title,
    roleOnly,
    scanFrom,
  }
}
