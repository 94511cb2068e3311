/**
 * OntoNotes types that CoNLL-2003 has no label for, read off a tagged name by rules that need little
 * guessing: the name's own head word ("… Act", "… Cup", "… Airport"), curated lists (data/gazetteers/types)
 * and the words right around it ("in Arabic", "the film “…”"). A rule only refines the tagger's type
 * (MISC → EVENT, LAW, LANGUAGE, PRODUCT, WORK_OF_ART; LOC → FAC; ORG → LAW or PRODUCT for treaty and
 * model-number names), so scored on CoNLL (where the new types map back to MISC and LOC) the tagger's span
 * decisions are unchanged.
 */
import type { EntityType } from '../../model/layers.js'
import type { Gazetteer } from './gazetteer.js'

/** The lists of data/gazetteers/types the rules read (file names without .txt). */
export const TYPE_LIST = { language: 'languages', product: 'products' } as const

function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.split(' '))
}

/** A tagged name with the units around it in its sentence (nearest last in `before`). */
export interface NameInContext {
  units: readonly string[]
  before: readonly string[]
  after: readonly string[]
}

// Words before a language name that make it the language ("in Arabic", "speaks Farsi", "translated from
// Russian"), and words after it that do ("the Kurdish language", "Arabic speakers").
const LANGUAGE_BEFORE = wordSet(
  'in into from speak speaks spoke speaking spoken learn learns learned learnt learning teach teaches taught teaching fluent translated translate translates',
)
const LANGUAGE_AFTER = wordSet(
  'language languages speaker speakers speaking translation translations dialect dialects subtitles lessons classes courses',
)
// After "in French" a following lower-case word makes "French" an adjective ("in French territory"),
// except for these, which let the name end there ("in French and Arabic", "in English as well").
const PHRASE_END = wordSet('and or but as with to than instead')
const LOWER_WORD_RE = /^\p{Ll}/u

function isLanguage(name: NameInContext, phrase: string, lists: Gazetteer): boolean {
  if (!lists.has(TYPE_LIST.language, phrase)) return false
  const next = (name.after[0] ?? '').toLowerCase()
  if (LANGUAGE_AFTER.has(next)) return true
  const previous = (name.before[name.before.length - 1] ?? '').toLowerCase()
  if (!LANGUAGE_BEFORE.has(previous)) return false
  return next === '' || !LOWER_WORD_RE.test(name.after[0] ?? '') || PHRASE_END.has(next)
}

// Names of contests, wars, festivals and other happenings, by their last word or a fixed form.
const EVENT_HEAD_RE =
  /\s(?:Cup|Open|Olympics|Olympiad|Games|Championships?|Tournament|Marathon|Rally|Festival|Expo|Summit|Grand Prix|Intifada|Uprising|Revolution|Massacre|Trophy|Masters|Derby|War)$/
const EVENT_FORM_RE =
  /^(?:(?:Summer |Winter )?Olympics|Olympiad|Intifada|World War (?:II?|One|Two|[12])|War of .+|Euro \d{2,4}|Tour de France|Giro d'Italia|Super Bowl(?: .+)?)$/

// Named laws, treaties and agreements, by their last word or a fixed form ("Code" and "Protocol" name
// books and network standards as often: "The Da Vinci Code", "Internet Protocol").
const LAW_HEAD_RE =
  /\s(?:Act|Acts|Treaty|Accord|Accords|Agreement|Constitution|Amendment|Charter|Directive|Bill)$/
const LAW_FORM_RE =
  /^(?:Constitution|Treaty of .+|(?:Geneva|Hague|Vienna) Conventions?|Convention (?:on|against) .+)$/

// Aircraft and weapon model names ("Boeing 747", "Airbus A320", "F-16", "MiG-29").
const PRODUCT_FORM_RE =
  /^(?:(?:Boeing|Airbus|Embraer|Tupolev|Ilyushin|Antonov|Sukhoi|Cessna) [A-Z]{0,2}-?\d{2}\w*|(?:[BCFM]|Su|MiG|Tu|Il|An|AH|UH|MH|AK)-\d\w*)$/

// A listed product with a version or edition after it ("Windows XP", "PlayStation 2", "Xbox 360").
const VERSION_RE = /^(?:\d\w*|[A-Z]{1,3}\d*|Vista|Mini|Nano|Pro|Plus)$/

function isProduct(name: NameInContext, phrase: string, lists: Gazetteer): boolean {
  if (PRODUCT_FORM_RE.test(phrase) || lists.has(TYPE_LIST.product, phrase)) return true
  const units = name.units
  return (
    units.length >= 2 &&
    VERSION_RE.test(units[units.length - 1] as string) &&
    lists.has(TYPE_LIST.product, units.slice(0, -1).join(' '))
  )
}

// Kinds of creative works whose title follows them ("the film “The Crying Game”", "his novel Ulysses").
const WORK_BEFORE = wordSet(
  'film films movie book books novel novels song songs album albums opera musical painting poem documentary memoir sitcom',
)
const OPEN_QUOTE = new Set(['"', '“', "'", '‘'])
const CLOSE_QUOTE = new Set(['"', '”', "'", '’'])

function isWorkOfArt(name: NameInContext, quotedOnly: boolean): boolean {
  const before = name.before
  let k = before.length - 1
  const quoted = OPEN_QUOTE.has(before[k] ?? '') && CLOSE_QUOTE.has(name.after[0] ?? '')
  if (quoted) k--
  else if (quotedOnly) return false
  // The kind word in lower case: a common noun, not part of a name ("Berlin Film Festival").
  return WORK_BEFORE.has(before[k] ?? '')
}

// Buildings, airports, roads and other structures, by their last word (a name of two or more words).
const FACILITY_HEAD_RE =
  /\s(?:Airport|Stadium|Bridge|Towers?|Highway|Street|Avenue|Square|Palace|Cathedral|Mosque|Temple|Synagogue|Prison|Arena|Tunnel|Dam|Boulevard|Motorway|Station|Road|Building|Gate|Wall|Hall|Castle|Abbey|Monument|Memorial)$/

/**
 * The OntoNotes type of a tagged name whose mapped type is `base`, refined where a rule applies.
 *
 * @example
 * refineType('MISC', { units: ['World', 'Cup'], before: ['the'], after: ['qualifier'] }, lists) // 'EVENT'
 */
export function refineType(base: EntityType, name: NameInContext, lists: Gazetteer): EntityType {
  const phrase = name.units.join(' ')
  switch (base) {
    case 'MISC':
    case 'NORP':
      if (isLanguage(name, phrase, lists)) return 'LANGUAGE'
      if (base === 'NORP') return base
      if (LAW_HEAD_RE.test(phrase) || LAW_FORM_RE.test(phrase)) return 'LAW'
      if (EVENT_HEAD_RE.test(phrase) || EVENT_FORM_RE.test(phrase)) return 'EVENT'
      if (isProduct(name, phrase, lists)) return 'PRODUCT'
      if (isWorkOfArt(name, false)) return 'WORK_OF_ART'
      return base
    case 'ORG':
      if (LAW_HEAD_RE.test(phrase) || LAW_FORM_RE.test(phrase)) return 'LAW'
      if (PRODUCT_FORM_RE.test(phrase)) return 'PRODUCT'
      return base
    case 'PERSON':
      return isWorkOfArt(name, true) ? 'WORK_OF_ART' : base
    case 'GPE':
    case 'LOC':
      return FACILITY_HEAD_RE.test(phrase) ? 'FAC' : base
    default:
      return base
  }
}

// "Article 5 of the North Atlantic Treaty", "Article 370 of the constitution": a numbered article of a
// named document, which the tagger (trained on text that never labels it) does not find.
const ARTICLE_RE = /\bArticle \d{1,3}[A-Za-z]?(?= of\b)/g

/**
 * Character spans of numbered articles of laws ("Article 5 of …") in `text`.
 *
 * @example
 * lawArticles('Article 5 of the treaty applies.') // [{ start: 0, end: 9 }]
 */
export function lawArticles(text: string): { start: number; end: number }[] {
  return [...text.matchAll(ARTICLE_RE)].map((m) => ({ start: m.index, end: m.index + m[0].length }))
}
