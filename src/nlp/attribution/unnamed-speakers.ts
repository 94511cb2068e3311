/**
 * Every attribution with a source has a speaker (issue 3: "where the text never names the speaker, the
 * speaker is the role entity ("officials"), not a guess"). resolve-speakers links a source to the entity
 * of a mention the entities and coref stages made; a source that refers to no known entity ("an Internet
 * posting", "Anonymous blogger", "Officials" where coref made no role entity, an unresolved "they") becomes
 * a mention of its own and an unnamed entity named by the source itself, determiner stripped. Sources with
 * the same name in one document share one entity ("officials" twice); pronouns never share (each "they"
 * may be someone else).
 *
 * Ids stay stable: existing mentions and entities keep theirs, new ones are numbered after the highest id
 * in layer order, and a new mention is inserted at its place in the (start asc, end desc) order.
 */
import type { Entity, EntityId, EntityType, Mention, MentionId } from '../../model/layers.js'
import { firstMentionFrom, type AttributionDoc } from './attribution-doc.js'
import type { Draft } from './candidate.js'
import { NP_OPENERS, PERSON_ROLE_NOUNS, SUBJECT_PRONOUNS } from './words.js'

/** Collective heads that speak as an organisation ("the campaign said", "environmental groups said"). */
const ORG_HEADS = new Set(
  'campaign campaigns group groups company companies agency agencies committee committees government governments administration ministry department office party team union unions network newspaper paper magazine organization organisation board court council police coalition association firm firms bank banks university college school schools church authorities authority service camp commission lobby publication publications outlet outlets station'.split(
    ' ',
  ),
)
/** Plural person nouns beyond the role nouns' plurals ("critics said", "voters told pollsters"). */
const PERSON_PLURALS = new Set(
  'people critics voters residents supporters opponents experts observers analysts insiders sources officials aides advisers advisors lawmakers democrats republicans environmentalists activists economists scientists researchers proponents advocates members leaders others many some few most all both everyone someone anyone nobody everybody somebody respondents americans parents students women men users readers viewers staffers allies'.split(
    ' ',
  ),
)
const PERSON_PRONOUN_WORDS = new Set([
  'he',
  'she',
  'i',
  'we',
  'you',
  'they',
  'who',
  'me',
  'him',
  'her',
  'us',
  'them',
  'his',
  'my',
  'our',
  'their',
])
const IT = new Set(['it', 'its'])
const AGENT_PLURAL = /(?:ors|ists|ians)$/
const PEOPLE = new Set([
  'magnate',
  'tycoon',
  'boss',
  'bosses',
  'investor',
  'chief',
  'executives',
  'insider',
  'source',
])
const POSSESSIVE_TOKEN = /^['’]s?$/u
/** "Mr. King", "Dr. Ruiz": a courtesy title makes a person whatever the NER said. */
const COURTESY = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'sen.', 'rep.', 'gov.'])
const POSSESSIVE = /['’]s?$/u

/** The entity type an unnamed source's head suggests: PERSON for people and roles, ORG for collectives, MISC otherwise (a report, a poll, a posting). */
function headType(head: string): EntityType {
  if (PERSON_PRONOUN_WORDS.has(head) || PERSON_PLURALS.has(head) || PERSON_ROLE_NOUNS.has(head))
    return 'PERSON'
  if (head.endsWith('s') && PERSON_ROLE_NOUNS.has(head.slice(0, -1))) return 'PERSON'
  if (head.endsWith('men') || head.endsWith('people')) return 'PERSON'
  // agent plurals ("regulators", "economists", "politicians"), and a few people nouns besides the roles
  if (AGENT_PLURAL.test(head) || PEOPLE.has(head)) return 'PERSON'
  // collectives named by their trade ("airlines", "carmakers" are firms)
  if (head === 'airlines' || head.endsWith('makers') || head.endsWith('firms')) return 'ORG'
  if (IT.has(head) || ORG_HEADS.has(head)) return 'ORG'
  return 'MISC'
}

/** Token range of the source's first noun phrase: up to the first comma or parenthesis ("Anonymous blogger"). */
function headPhrase(d: AttributionDoc, draft: Draft): [number, number] {
  const source = draft.source as { start: number; end: number }
  const first = d.tokenFrom(source.start)
  let last = d.tokenFrom(source.end) - 1
  for (let i = first + 1; i <= last; i++) {
    if (d.lo(i) === ',' || d.lo(i) === '(') {
      last = i - 1
      break
    }
  }
  while (last > first && (d.isPunct(last) || POSSESSIVE_TOKEN.test(d.lo(last)))) last--
  return [first, last]
}

/** Index of a mention with no entity on exactly [start, end) in the sorted layer, or -1. */
function unlinkedMention(mentions: readonly Mention[], start: number, end: number): number {
  for (
    let i = firstMentionFrom(mentions, start);
    i < mentions.length && (mentions[i] as Mention).start === start;
    i++
  ) {
    const m = mentions[i] as Mention
    if (m.end === end && m.entity === null) return i
  }
  return -1
}

/** Highest number in ids such as "m12" / "e4". */
function maxId(items: readonly { id: string }[]): number {
  let max = 0
  for (const { id } of items) {
    // the digits after the letter, read in place (no substring per id)
    let n = 0
    for (let k = 1; k < id.length; k++) n = n * 10 + id.charCodeAt(k) - 48
    if (n > max) max = n
  }
  return max
}

export interface SpeakerLayers {
  drafts: Draft[]
  mentions: Mention[]
  entities: Entity[]
}

/**
 * @example "Officials said the talks would resume." with no entity for "Officials" → a PERSON entity
 * named "Officials", a nominal mention on the source, and the attribution's speaker set to it
 */
export function addUnnamedSpeakers(drafts: readonly Draft[], d: AttributionDoc): SpeakerLayers {
  // the common case adds nothing: hand the layers back as they came, with no copy
  if (!drafts.some((x) => x.source && !x.speaker)) {
    const entities = d.view.has('entities') ? d.view.layer('entities') : []
    return { drafts: drafts as Draft[], mentions: d.mentions as Mention[], entities: entities as Entity[] }
  }
  const mentions = [...d.mentions]
  const entities = [...d.entities.values()]
  let nextMention = maxId(mentions)
  let nextEntity = maxId(entities)
  const byName = new Map<string, Entity>()
  const added: Mention[] = []
  const out: Draft[] = []
  for (const draft of drafts) out.push(withSpeaker(draft))
  // a few new mentions: each goes after the last mention that sorts before or with it (start asc, end desc)
  for (const m of added) {
    let lo = 0
    let hi = mentions.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const x = mentions[mid] as Mention
      if (x.start < m.start || (x.start === m.start && x.end >= m.end)) lo = mid + 1
      else hi = mid
    }
    mentions.splice(lo, 0, m)
  }
  return { drafts: out, mentions, entities }

  function withSpeaker(draft: Draft): Draft {
    // an heir (", saying …", a continued quotation) takes the speaker its donor got here; donors come first
    if (!draft.speaker && !draft.source && draft.inheritsFrom !== null) {
      const speaker = out[draft.inheritsFrom]?.speaker ?? null
      return speaker ? { ...draft, speaker } : draft
    }
    if (!draft.source || draft.speaker) return draft
    const [first, last] = headPhrase(d, draft)
    let from = first
    while (from < last && NP_OPENERS.has(d.lo(from)) && !SUBJECT_PRONOUNS.has(d.lo(from))) from++
    const name = d.text.slice(d.starts[from], d.ends[last]).replace(POSSESSIVE, '')
    const pronoun = first === last && (PERSON_PRONOUN_WORDS.has(d.lo(first)) || IT.has(d.lo(first)))
    const key = name.toLowerCase()
    let entity = pronoun ? undefined : byName.get(key)
    const mention: Mention = {
      id: `m${++nextMention}` as MentionId,
      start: d.starts[first] as number,
      end: d.ends[last] as number,
      type:
        entity?.type ??
        (COURTESY.has(d.lo(first))
          ? 'PERSON'
          : headType(pronoun ? d.lo(first) : d.lo(last).replace(POSSESSIVE, ''))),
      kind: pronoun ? 'pronoun' : 'nominal',
      entity: null,
    }
    if (!entity) {
      entity = { id: `e${++nextEntity}` as EntityId, type: mention.type, name, titles: [], mentions: [] }
      entities.push(entity)
      if (!pronoun) byName.set(key, entity)
    }
    mention.entity = entity.id
    // a mention the coref stage left without an entity, on exactly this span, is reused
    const unlinked = unlinkedMention(mentions, mention.start, mention.end)
    if (unlinked >= 0) {
      const m = mentions[unlinked] as Mention
      mentions[unlinked] = { ...m, entity: entity.id }
      entity.mentions.push(m.id)
      nextMention--
    } else {
      entity.mentions.push(mention.id)
      added.push(mention)
    }
    return { ...draft, speaker: entity.id }
  }
}
