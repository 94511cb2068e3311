/**
 * Hand-checked gold facts of the golden corpus (STYLE §5a) and their checker. A fact names what a
 * reader of the article can verify, by surface, never by id or offset, so it survives renumbering:
 *
 *   { layer: 'attributions', source: 'Hossein Salami', cue: 'said', content: 'that the …' }
 *   { layer: 'entities', name: 'Islamic Revolution Guards Corps', type: 'ORG', mentions: ['IRGC', …] }
 *   { layer: 'times', text: 'earlier in August', value: '2022-08' }
 *   { layer: 'sentences', text: 'Salami made the comment …' }
 *   { layer: 'techniques', text: 'the Zionist regime', technique: 'name_calling_labeling', source: 'Hossein Salami' }
 *
 * Text matching: a string ending in "…" is a prefix; otherwise it must be the exact surface. The
 * failure message is findable (readability's genPath): layer, the fact, the place in the text with
 * its sentence marked ⟦like this⟧, and what the pipeline produced there.
 */
import { z } from 'zod'
import type { Analysis } from '../../src/model/analysis.js'
import {
  ATTRIBUTION_MODES,
  ENTITY_TYPES,
  MENTION_KINDS,
  TECHNIQUES,
  TIME_TYPES,
} from '../../src/model/layers.js'
import { quoteSurface } from '../../src/model/render.js'
import type { Span } from '../../src/model/span.js'

const note = z.string().optional()
/**
 * The pipeline does not meet this fact yet, and why: the test is expected to fail (`it.fails`), so it
 * turns red, and the mark must go, once the fact holds.
 */
const knownMiss = z.string().optional()

const AttributionFact = z
  .object({
    layer: z.literal('attributions'),
    /** Canonical name of the speaker entity; null for "no source in the text". */
    source: z.string().nullable().optional(),
    /** Surface of the local source mention ("he", "The IRGC chief commander"). */
    sourceText: z.string().optional(),
    cue: z.string().optional(),
    /** Surface of the content ("…" at the end: prefix). */
    content: z.string().optional(),
    /** A string the content must contain (for contents a parenthetical cue splits, "Today, he added, …"). */
    contentIncludes: z.string().optional(),
    mode: z.enum(ATTRIBUTION_MODES).optional(),
    /** The attribution this one is nested in, by speaker and content. */
    parent: z.object({ source: z.string().optional(), content: z.string() }).optional(),
    /** No attribution may cover this text (the outlet's own voice). */
    absent: z.literal(true).optional(),
    knownMiss,
    note,
  })
  .strict()
  .refine(
    (f) => f.content !== undefined || f.contentIncludes !== undefined,
    'content or contentIncludes is required',
  )

const EntityFact = z
  .object({
    layer: z.literal('entities'),
    name: z.string(),
    type: z.enum(ENTITY_TYPES).optional(),
    /** Surfaces that must all be mentions of this one entity, and every mention with one of these surfaces must be. */
    mentions: z.array(z.string()).min(1),
    knownMiss,
    note,
  })
  .strict()

const TimeFact = z
  .object({
    layer: z.literal('times'),
    /** The expression as the text spans it. */
    text: z.string(),
    /** 1-based occurrence of `text` in the document. */
    occurrence: z.number().int().positive().default(1),
    /** `exact`: the time's surface is `text`; `overlap`: a time overlaps it (TIMEX3 extent conventions differ on signals like "since"). */
    match: z.enum(['exact', 'overlap']).default('exact'),
    value: z.string(),
    type: z.enum(TIME_TYPES).optional(),
    knownMiss,
    note,
  })
  .strict()

const MentionFact = z
  .object({
    layer: z.literal('mentions'),
    text: z.string(),
    occurrence: z.number().int().positive().default(1),
    type: z.enum(ENTITY_TYPES),
    kind: z.enum(MENTION_KINDS).optional(),
    knownMiss,
    note,
  })
  .strict()

const SentenceFact = z
  .object({
    layer: z.literal('sentences'),
    text: z.string(),
    occurrence: z.number().int().positive().default(1),
    knownMiss,
    note,
  })
  .strict()

const TechniqueFact = z
  .object({
    layer: z.literal('techniques'),
    /** The text that uses the technique (or, with `absent`, that must use none). */
    text: z.string(),
    occurrence: z.number().int().positive().default(1),
    /** Required unless `absent`; with `absent`, only this technique must be missing there. */
    technique: z.enum(TECHNIQUES).optional(),
    /**
     * `overlap` (default): a span of the technique overlaps `text` (annotators' span edges differ: "the
     * Zionist regime" versus "Zionist regime"); `exact`: a span is exactly `text`.
     */
    match: z.enum(['exact', 'overlap']).default('overlap'),
    /**
     * The voice using it: the canonical name of the speaker of the attribution the span is tied to;
     * null for the outlet's own voice; left out when not checked.
     */
    source: z.string().nullable().optional(),
    /** No technique span (of `technique`, when given) may overlap `text`: outlet-neutral prose. */
    absent: z.literal(true).optional(),
    knownMiss,
    note,
  })
  .strict()
  .refine((f) => f.absent === true || f.technique !== undefined, 'technique is required unless absent')

export const GoldFactSchema = z.union([
  AttributionFact,
  EntityFact,
  TimeFact,
  MentionFact,
  SentenceFact,
  TechniqueFact,
])
export type GoldFact = z.infer<typeof GoldFactSchema>
export const GoldFileSchema = z.array(GoldFactSchema)

/** "…"-terminated strings are prefixes; others must match exactly. */
function matchesSurface(expected: string, surface: string): boolean {
  return expected.endsWith('…') ? surface.startsWith(expected.slice(0, -1)) : surface === expected
}

/** The searchable part of a gold string: without a final "…". */
function needle(expected: string): string {
  return expected.endsWith('…') ? expected.slice(0, -1) : expected
}

/**
 * The strings of the document a fact names (its text, content or mentions), "…" stripped: a known miss
 * passes on any failure, so the corpus test checks that these are really in the document.
 */
export function namedTexts(fact: GoldFact): string[] {
  if (fact.layer === 'attributions') return [needle(fact.content ?? fact.contentIncludes ?? '')]
  if (fact.layer === 'entities') return fact.mentions
  return [fact.text]
}

/** Span of the `occurrence`-th (1-based) occurrence of `needle` in `text`, or null. */
export function locate(text: string, search: string, occurrence = 1): Span | null {
  let from = 0
  for (let k = 1; ; k++) {
    const at = text.indexOf(search, from)
    if (at === -1) return null
    if (k === occurrence) return { start: at, end: at + search.length }
    from = at + 1
  }
}

/**
 * The sentence (or sentences) around `span`, with the span marked ⟦ ⟧, for failure messages.
 *
 * @example markInSentence(analysis, { start: 96, end: 110 }) // '… Major General ⟦Hossein Salami⟧, said that …'
 */
export function markInSentence(analysis: Analysis, span: Span): string {
  const text = analysis.document.text
  const covering = analysis.sentences.filter((s) => s.start < span.end && span.start < s.end)
  const from = Math.min(span.start, ...covering.map((s) => s.start))
  const to = Math.max(span.end, ...covering.map((s) => s.end))
  const marked = `${text.slice(from, span.start)}⟦${text.slice(span.start, span.end)}⟧${text.slice(span.end, to)}`
  return marked.replace(/\n/g, '⏎')
}

function describeAttribution(analysis: Analysis, a: Analysis['attributions'][number]): string {
  const text = analysis.document.text
  const speaker = a.speaker ? analysis.entities.find((e) => e.id === a.speaker) : undefined
  const cue = a.cue ? quoteSurface(text.slice(a.cue.start, a.cue.end)) : '(no cue)'
  const source = a.source ? quoteSurface(text.slice(a.source.start, a.source.end), 50) : '(no source)'
  return `${a.id} ${a.mode} content [${a.content.start},${a.content.end}) ${quoteSurface(
    text.slice(a.content.start, a.content.end),
  )} cue ${cue} source ${source} speaker ${speaker ? `${speaker.id} "${speaker.name}"` : '(none)'} parent ${a.parent ?? '(none)'}`
}

/** Everything the pipeline produced on a layer that overlaps `span`, one line each. */
function producedNear(
  analysis: Analysis,
  layer: 'attributions' | 'times' | 'mentions' | 'sentences' | 'techniques',
  span: Span | null,
): string {
  if (!span) return '  (the gold text is not in the document: check gold.json)'
  const text = analysis.document.text
  const overlapping = <T extends Span>(items: readonly T[]): T[] =>
    items.filter((s) => s.start < span.end && span.start < s.end)
  let lines: string[]
  if (layer === 'attributions') {
    lines = analysis.attributions
      .filter((a) => a.content.start < span.end && span.start < a.content.end)
      .map((a) => describeAttribution(analysis, a))
  } else if (layer === 'times') {
    lines = overlapping(analysis.times).map(
      (t) => `${t.id} ${t.type} ${t.value} [${t.start},${t.end}) ${quoteSurface(text.slice(t.start, t.end))}`,
    )
  } else if (layer === 'mentions') {
    lines = overlapping(analysis.mentions).map(
      (m) =>
        `${m.id} ${m.type} ${m.kind} [${m.start},${m.end}) ${quoteSurface(text.slice(m.start, m.end))} → ${m.entity ?? '(none)'}`,
    )
  } else if (layer === 'techniques') {
    lines = overlapping(analysis.techniques).map(
      (p) =>
        `${p.id} ${p.technique} [${p.start},${p.end}) ${quoteSurface(text.slice(p.start, p.end))} score ${p.score} voice ${voiceOf(analysis, p.attribution) ?? '(outlet)'}`,
    )
  } else {
    lines = overlapping(analysis.sentences).map(
      (s) => `sentence [${s.start},${s.end}) ${quoteSurface(text.slice(s.start, s.end))}`,
    )
  }
  return lines.length ? lines.map((l) => `  ${l}`).join('\n') : `  (no ${layer} there)`
}

function entityName(analysis: Analysis, id: string | null): string | null {
  if (id === null) return null
  return analysis.entities.find((e) => e.id === id)?.name ?? null
}

/**
 * The voice a technique span is tied to: its attribution's speaker name, "(no speaker)" for an
 * attribution without one, null for the outlet's own voice.
 */
function voiceOf(analysis: Analysis, attributionId: string | null): string | null {
  if (attributionId === null) return null
  const attribution = analysis.attributions.find((a) => a.id === attributionId)
  return entityName(analysis, attribution?.speaker ?? null) ?? '(no speaker)'
}

function checkTechnique(
  analysis: Analysis,
  fact: z.infer<typeof TechniqueFact>,
  place: Span | null,
): string | null {
  if (!place) return 'text not found in the document'
  const overlapping = analysis.techniques.filter(
    (p) =>
      (fact.technique === undefined || p.technique === fact.technique) &&
      p.start < place.end &&
      place.start < p.end,
  )
  if (fact.absent) {
    return overlapping.length === 0
      ? null
      : `expected no ${fact.technique ?? 'technique'} span over this text, found ${overlapping.length}`
  }
  const found =
    fact.match === 'exact'
      ? overlapping.filter((p) => p.start === place.start && p.end === place.end)
      : overlapping
  if (found.length === 0)
    return fact.match === 'exact'
      ? `no ${fact.technique} span with exactly this text`
      : `no ${fact.technique} span overlaps this text`
  if (fact.source === undefined) return null
  const voices = found.map((p) => voiceOf(analysis, p.attribution))
  if (voices.includes(fact.source)) return null
  return `voice ${voices.map((v) => (v === null ? '(outlet)' : `"${v}"`)).join(', ')} ≠ ${
    fact.source === null ? '(outlet)' : `"${fact.source}"`
  }`
}

function checkAttribution(analysis: Analysis, fact: z.infer<typeof AttributionFact>): string | null {
  const text = analysis.document.text
  const surface = (s: Span): string => text.slice(s.start, s.end)
  const contentOk = (a: Analysis['attributions'][number]): boolean =>
    (fact.content === undefined || matchesSurface(fact.content, surface(a.content))) &&
    (fact.contentIncludes === undefined || surface(a.content).includes(fact.contentIncludes))
  const place = locate(text, needle(fact.content ?? fact.contentIncludes ?? ''))
  if (fact.absent) {
    const covering = place
      ? analysis.attributions.filter((a) => a.content.start < place.end && place.start < a.content.end)
      : []
    if (covering.length === 0) return null
    return `expected no attribution over this text, found ${covering.length}`
  }
  const candidates = analysis.attributions.filter(contentOk)
  const problems = (a: Analysis['attributions'][number]): string[] => {
    const out: string[] = []
    if (fact.source !== undefined) {
      const name = entityName(analysis, a.speaker)
      if (name !== fact.source)
        out.push(`speaker ${name === null ? '(none)' : `"${name}"`} ≠ "${fact.source}"`)
    }
    if (fact.sourceText !== undefined && (a.source ? surface(a.source) : null) !== fact.sourceText) {
      out.push(`source text ${a.source ? quoteSurface(surface(a.source)) : '(none)'} ≠ "${fact.sourceText}"`)
    }
    if (fact.cue !== undefined && (a.cue ? surface(a.cue) : null) !== fact.cue) {
      out.push(`cue ${a.cue ? quoteSurface(surface(a.cue)) : '(none)'} ≠ "${fact.cue}"`)
    }
    if (fact.mode !== undefined && a.mode !== fact.mode) out.push(`mode ${a.mode} ≠ ${fact.mode}`)
    if (fact.parent !== undefined) {
      const parent = analysis.attributions.find((p) => p.id === a.parent)
      if (!parent) out.push('no parent attribution')
      else {
        if (!matchesSurface(fact.parent.content, surface(parent.content))) {
          out.push(
            `parent ${parent.id} content ${quoteSurface(surface(parent.content))} ≠ "${fact.parent.content}"`,
          )
        }
        const name = entityName(analysis, parent.speaker)
        if (fact.parent.source !== undefined && name !== fact.parent.source) {
          out.push(
            `parent ${parent.id} speaker ${name === null ? '(none)' : `"${name}"`} ≠ "${fact.parent.source}"`,
          )
        }
      }
    }
    return out
  }
  if (candidates.some((a) => problems(a).length === 0)) return null
  if (candidates.length === 0) return 'no attribution has this content'
  return candidates.map((a) => `${a.id}: ${problems(a).join('; ')}`).join('\n')
}

function checkEntity(analysis: Analysis, fact: z.infer<typeof EntityFact>): string | null {
  const text = analysis.document.text
  const wanted = new Set(fact.mentions)
  const hits = analysis.mentions.filter((m) => wanted.has(text.slice(m.start, m.end)))
  const missing = fact.mentions.filter((s) => !hits.some((m) => text.slice(m.start, m.end) === s))
  const problems: string[] = []
  if (missing.length) problems.push(`no mention with surface ${missing.map((s) => `"${s}"`).join(', ')}`)
  const entityIds = [...new Set(hits.map((m) => m.entity ?? '(none)'))]
  if (entityIds.length > 1) {
    problems.push(
      `mentions split over ${entityIds.length} entities: ${hits
        .map((m) => `${m.id} "${text.slice(m.start, m.end)}" [${m.start},${m.end}) → ${m.entity ?? '(none)'}`)
        .join(', ')}`,
    )
  }
  const entity = analysis.entities.find((e) => e.id === entityIds[0])
  if (entityIds.length === 1 && hits.length) {
    if (!entity) problems.push(`mentions belong to no entity (${entityIds[0]})`)
    else {
      if (entity.name !== fact.name) problems.push(`${entity.id} name "${entity.name}" ≠ "${fact.name}"`)
      if (fact.type && entity.type !== fact.type)
        problems.push(`${entity.id} type ${entity.type} ≠ ${fact.type}`)
    }
  }
  return problems.length ? problems.join('\n') : null
}

function checkTime(analysis: Analysis, fact: z.infer<typeof TimeFact>, place: Span | null): string | null {
  if (!place) return 'text not found in the document'
  const text = analysis.document.text
  const found = analysis.times.filter((t) =>
    fact.match === 'exact'
      ? t.start === place.start && t.end === place.end
      : t.start < place.end && place.start < t.end,
  )
  if (found.length === 0)
    return fact.match === 'exact' ? 'no time with exactly this span' : 'no time overlaps this text'
  const ok = found.some((t) => matchesSurface(fact.value, t.value) && (!fact.type || t.type === fact.type))
  if (ok) return null
  return found
    .map(
      (t) =>
        `${t.id} ${t.type} ${t.value} ${quoteSurface(text.slice(t.start, t.end))}: value or type differs`,
    )
    .join('\n')
}

function checkMention(
  analysis: Analysis,
  fact: z.infer<typeof MentionFact>,
  place: Span | null,
): string | null {
  if (!place) return 'text not found in the document'
  const found = analysis.mentions.filter((m) => m.start === place.start && m.end === place.end)
  if (found.length === 0) return 'no mention with exactly this span'
  if (found.some((m) => m.type === fact.type && (!fact.kind || m.kind === fact.kind))) return null
  return found.map((m) => `${m.id} ${m.type} ${m.kind}`).join('; ')
}

function checkSentence(analysis: Analysis, place: Span | null): string | null {
  if (!place) return 'text not found in the document'
  return analysis.sentences.some((s) => s.start === place.start && s.end === place.end)
    ? null
    : 'no sentence with exactly this span'
}

/** A one-line title for a gold fact (used as the test name). */
export function factTitle(fact: GoldFact): string {
  switch (fact.layer) {
    case 'attributions': {
      const content = fact.content ?? `…${fact.contentIncludes ?? ''}…`
      const who = fact.absent ? 'no attribution over' : `${fact.source ?? '(no source)'} ${fact.cue ?? '?'}`
      return `attributions: ${who} ${quoteSurface(content, 70)}`
    }
    case 'entities':
      return `entities: ${fact.type ?? ''} "${fact.name}" = ${fact.mentions.map((m) => `"${m}"`).join(' = ')}`
    case 'times':
      return `times: "${fact.text}" → ${fact.value}`
    case 'mentions':
      return `mentions: "${fact.text}" ${fact.type}`
    case 'sentences':
      return `sentences: ${quoteSurface(fact.text, 70)}`
    case 'techniques': {
      const what = fact.absent ? `no ${fact.technique ?? 'technique'} over` : `${fact.technique ?? '?'}`
      const voice = fact.source === undefined ? '' : ` (${fact.source === null ? 'outlet' : fact.source})`
      return `techniques: ${what} ${quoteSurface(fact.text, 70)}${voice}`
    }
  }
}

/**
 * Checks one gold fact against an analysis: null when it holds, else a findable failure message.
 *
 * @example
 * checkGoldFact(analysis, { layer: 'times', text: 'earlier in August', value: '2022-08', occurrence: 1, match: 'exact' })
 */
export function checkGoldFact(analysis: Analysis, fact: GoldFact, where = ''): string | null {
  const text = analysis.document.text
  let place: Span | null
  let problem: string | null
  let layer: 'attributions' | 'times' | 'mentions' | 'sentences' | 'techniques'
  switch (fact.layer) {
    case 'attributions':
      place = locate(text, needle(fact.content ?? fact.contentIncludes ?? ''))
      problem = checkAttribution(analysis, fact)
      layer = 'attributions'
      break
    case 'entities':
      place = locate(text, fact.mentions[0] as string)
      problem = checkEntity(analysis, fact)
      layer = 'mentions'
      break
    case 'times':
      place = locate(text, fact.text, fact.occurrence)
      problem = checkTime(analysis, fact, place)
      layer = 'times'
      break
    case 'mentions':
      place = locate(text, fact.text, fact.occurrence)
      problem = checkMention(analysis, fact, place)
      layer = 'mentions'
      break
    case 'sentences':
      place = locate(text, fact.text, fact.occurrence)
      problem = checkSentence(analysis, place)
      layer = 'sentences'
      break
    case 'techniques':
      place = locate(text, fact.text, fact.occurrence)
      problem = checkTechnique(analysis, fact, place)
      layer = 'techniques'
      break
  }
  if (problem === null) return null
  return [
    `${where}gold ${factTitle(fact)}`,
    `  fact: ${JSON.stringify(fact)}`,
    place
      ? `  at [${place.start},${place.end}): ${markInSentence(analysis, place)}`
      : '  at: (text not found)',
    `  problem: ${problem.split('\n').join('\n           ')}`,
    `  produced there (${layer}):`,
    producedNear(analysis, layer, place),
  ].join('\n')
}
