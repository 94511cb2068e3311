/**
 * Speaker = the entity behind the source. First the mention (from the entities/coref stages) that
 * covers the head of the source; the head of "Chief Commander of Iran's IRGC, Major General Hossein
 * Salami" is "Commander" and "Salami" (one per apposition part), and a PERSON wins. Then, for a personal
 * pronoun or a definite role noun ("he", "the IRGC chief commander") that no mention resolves, the
 * speaker of the closest attribution before it, in the same or the two previous paragraphs, whose speaker
 * is a PERSON ("it" takes an organisation the same way). Inheriting drafts (", saying that …", floating quotes) take their donor's speaker.
 * A relative pronoun ("Cruz, who has refused to endorse Trump") takes the mention it follows.
 * A source that refers to no known entity is left here for unnamed-speakers.ts (its own unnamed entity). Input in layer order.
 */
import type { Mention } from '../../../model/layers.js'
import type { Span } from '../../../model/span.js'
import type { AttributionDoc } from '../attribution-doc.js'
import type { Draft } from '../candidate.js'
import { NP_INNER_PREPOSITIONS, NP_OPENERS, PERSON_PRONOUNS, PERSON_ROLE_NOUNS } from '../words.js'

const DEFINITE = new Set(['the', 'this', 'that'])
const ASIDE_OPENERS = new Set(['who', 'which', 'whose', 'whom', 'where', 'when', 'while', 'including'])
/**
 * How many paragraphs back the fallback looks. Two, not one: news often puts an outlet-voice paragraph
 * ("Salami made the comment in an interview with …") between a speaker's name and "The commander said".
 */
const PARAGRAPHS_BACK = 2

/**
 * @example "he" with no mention after "Salami said …" in the same paragraph → Salami's entity
 */
export function resolveSpeakers(drafts: readonly Draft[], d: AttributionDoc): Draft[] {
  const out = [...drafts]
  // donors come before their heirs in layer order, except a main clause whose content starts after
  // its participial's (never: the participial follows it), so one pass in order suffices
  out.forEach((draft, i) => {
    const donor = draft.inheritsFrom === null ? undefined : out[draft.inheritsFrom]
    let speaker: string | null = donor?.speaker ?? null
    if (!speaker && draft.source) speaker = mentionSpeaker(d, draft.source)
    if (!speaker && draft.source) speaker = relativeAntecedent(d, draft.source)
    if (!speaker && draft.source && refersBack(d, draft.source))
      speaker = previousSpeaker(out, i, d, draft.source, PERSON)
    // "it said": an organisation speaks, so the previous organisation (or place) speaker
    if (!speaker && draft.source && isItPronoun(d, draft.source))
      speaker = previousSpeaker(out, i, d, draft.source, INSTITUTIONS)
    out[i] = { ...draft, speaker }
  })
  return out
}

/** Token indices of the source's possible heads: per comma part, its last word and the word before an "of"/"for" phrase. */
export function sourceHeads(d: AttributionDoc, source: Span): number[] {
  const first = d.tokenFrom(source.start)
  const last = d.tokenFrom(source.end) - 1
  const heads: number[] = []
  let partStart = first
  for (let i = first; i <= last + 1; i++) {
    if (i <= last && d.lo(i) !== ',') continue
    // an aside ("who replaced Tim Farron as leader") names someone else: no head there
    if (ASIDE_OPENERS.has(d.lo(partStart)) || d.lo(partStart).endsWith('ing') || partStart >= i) {
      partStart = i + 1
      continue
    }
    // the last word ("… Student Association president Sehar Memon"), and the word before an of-phrase
    // ("Chief Commander of Iran's IRGC"); a PERSON mention on either wins in mentionSpeaker
    let lastWord = i - 1
    while (lastWord > partStart && d.isPunct(lastWord)) lastWord-- // "(IRGC)" or "Jr."
    if (lastWord >= partStart) heads.push(lastWord)
    for (let k = partStart + 1; k < i; k++) {
      if (NP_INNER_PREPOSITIONS.has(d.lo(k))) {
        if (k - 1 !== lastWord) heads.push(k - 1)
        break
      }
    }
    partStart = i + 1
  }
  return heads
}

function mentionSpeaker(d: AttributionDoc, source: Span): string | null {
  const heads = sourceHeads(d, source)
  const firstWord = d.lo(d.tokenFrom(source.start))
  const bareModifier = !NP_OPENERS.has(firstWord) && !PERSON_ROLE_NOUNS.has(firstWord)
  let best: Mention | undefined
  const [from, to] = d.mentionWindow(source.start, source.end)
  for (let k = from; k < to; k++) {
    const m = d.mentions[k] as Mention
    if (m.entity === null || m.start >= source.end || m.end <= source.start) continue
    const coversHead = heads.some((h) => m.start <= (d.starts[h] as number) && (d.ends[h] as number) <= m.end)
    // a bare name before a common noun is the speaker: "Yonhap news agency", "Trump campaign"
    // (not after a determiner: "The IRGC chief commander" is not the IRGC)
    if (!coversHead && !(bareModifier && m.kind !== 'pronoun' && m.start === source.start)) continue
    if (!best || (m.type === 'PERSON' && best.type !== 'PERSON')) best = m
  }
  // "the commander of the IRGC" is a person, not the IRGC: a determiner, then a person role before the
  // of-phrase, leaves the organisation to spokespeople ("a spokesman for the campaign" speaks for it)
  // and falls back instead; a bare title before a name ("Executive director of … Alia Salem") keeps it
  const roleNominal = DEFINITE.has(d.lo(d.tokenFrom(source.start))) || d.lo(d.tokenFrom(source.start)) === 'a'
  if (
    roleNominal &&
    best &&
    best.type !== 'PERSON' &&
    heads.slice(1).some((h) => PERSON_ROLE_NOUNS.has(d.lo(h)) && !SPEAKS_FOR.has(d.lo(h)))
  ) {
    return null
  }
  return best?.entity ?? null
}
const RELATIVE_PRONOUNS = new Set(['who', 'whom', 'which', 'that'])

/**
 * The entity of the mention a relative-pronoun source hangs on: "Ted Cruz, who said …" → Cruz. The
 * mention must end right before the pronoun or its comma; a PERSON wins over a shorter ORG/GPE inside it.
 */
function relativeAntecedent(d: AttributionDoc, source: Span): string | null {
  const at = d.tokenFrom(source.start)
  if (at !== d.tokenFrom(source.end) - 1 || !RELATIVE_PRONOUNS.has(d.lo(at))) return null
  const before = d.lo(at - 1) === ',' ? at - 2 : at - 1
  if (before < 0 || d.sentOf[before] !== d.sentOf[at]) return null
  const end = d.ends[before] as number
  let best: Mention | undefined
  for (const m of d.mentions) {
    if (m.entity === null || m.end !== end) continue
    const person = m.type === 'PERSON'
    const bestPerson = best?.type === 'PERSON'
    if (!best || (person && !bestPerson) || (person === bestPerson && m.start < best.start)) best = m
  }
  return best?.entity ?? null
}

/** Roles whose words are their organisation's: "a spokesman for the campaign said". */
const SPEAKS_FOR = new Set([
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'representative',
  'official',
  'officials',
  'source',
  'sources',
])

/** A personal pronoun or a definite noun phrase without a name ("the IRGC chief commander"). */
function refersBack(d: AttributionDoc, source: Span): boolean {
  const first = d.tokenFrom(source.start)
  const last = d.tokenFrom(source.end) - 1
  if (first === last) return PERSON_PRONOUNS.has(d.lo(first))
  if (!DEFINITE.has(d.lo(first))) return false
  // the head must be a person role: "the IRGC chief commander", not "The New York Post" or "the people"
  const heads = sourceHeads(d, source)
  return heads.some((h) => PERSON_ROLE_NOUNS.has(d.lo(h))) && !heads.some((h) => d.isCapitalized(h))
}

const PERSON: ReadonlySet<string> = new Set(['PERSON'])
const INSTITUTIONS: ReadonlySet<string> = new Set(['ORG', 'GPE', 'NORP'])

function isItPronoun(d: AttributionDoc, source: Span): boolean {
  const first = d.tokenFrom(source.start)
  return first === d.tokenFrom(source.end) - 1 && (d.lo(first) === 'it' || d.lo(first) === 'its')
}

/** The speaker of the closest attribution before `source` whose entity has one of `types`, in the window. */
function previousSpeaker(
  drafts: readonly Draft[],
  i: number,
  d: AttributionDoc,
  source: Span,
  types: ReadonlySet<string>,
): string | null {
  const paragraph = d.paragraphOf(source.start)
  for (let j = i - 1; j >= 0; j--) {
    const other = drafts[j] as Draft
    const anchor = other.cue ?? other.content
    if (anchor.start >= source.start) continue
    if (d.paragraphOf(anchor.start) < paragraph - PARAGRAPHS_BACK) break
    const type = other.speaker ? d.entities.get(other.speaker)?.type : undefined
    if (other.speaker && type && types.has(type)) return other.speaker
  }
  return null
}
