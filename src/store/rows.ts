/**
 * Turns an analysis into the rows a store writes: one document row, one row per attribution (the
 * statements speakers are followed by), one row per entity. Shared by every backend, so SQLite and
 * PostgreSQL store exactly the same values.
 */
import { createHash } from 'node:crypto'
import type { Analysis } from '../model/analysis.js'
import type { Entity } from '../model/layers.js'
import { canonicalKey } from './canonical-key.js'
import { minhash, signatureToBytes } from './near-duplicates.js'
import type { DocumentRecord, StoreInput } from './types.js'

const SPACE_RUN = /\s+/g
const WORD = /[\p{L}\p{N}]+/gu

/**
 * The content hash that makes ingest idempotent: SHA-256 of the NFC text with runs of white space
 * collapsed, so the same article fetched twice (or re-encoded) is stored once.
 *
 * @example contentHash('Salami  said.\n') === contentHash('Salami said.') // true
 */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC').replace(SPACE_RUN, ' ').trim()).digest('hex')
}

/**
 * The key of a quote's wording: lower-cased words only, so the same quote re-punctuated or re-quoted
 * by another outlet shares it and counts once in speaker views.
 *
 * @example quoteKey('"We will win," he said') === quoteKey('we will WIN') // false: different words
 */
export function quoteKey(content: string): string {
  const words = (content.toLowerCase().match(WORD) ?? []).join(' ')
  return createHash('sha1').update(words).digest('hex').slice(0, 16)
}

export interface DocumentRow {
  hash: string
  externalId: string | null
  title: string | null
  url: string | null
  outlet: string | null
  byline: string | null
  published: string | null
  language: string | null
  text: string
  /** The analysis JSON without the text (stored once, in `text`). */
  analysisJson: string
  signature: Uint32Array
  source: string | null
}

/** The `documents` columns a new document fills, in the order of {@link documentInsertValues}: one list for both backends. */
export const DOCUMENT_INSERT_COLUMNS = [
  'hash',
  'external_id',
  'title',
  'url',
  'outlet',
  'byline',
  'published',
  'language',
  'text',
  'analysis',
  'signature',
  'source',
  'near_dup_of',
  'similarity',
  'statements',
] as const

/**
 * The values of a new `documents` row, in the order of {@link DOCUMENT_INSERT_COLUMNS}.
 *
 * @example db.prepare(`INSERT INTO documents (${DOCUMENT_INSERT_COLUMNS.join(', ')}) VALUES (…)`).run(...documentInsertValues(doc, near, 3))
 */
export function documentInsertValues(
  doc: DocumentRow,
  near: { id: number; similarity: number } | null,
  statementCount: number,
): (string | number | Uint8Array | null)[] {
  return [
    doc.hash,
    doc.externalId,
    doc.title,
    doc.url,
    doc.outlet,
    doc.byline,
    doc.published,
    doc.language,
    doc.text,
    doc.analysisJson,
    signatureToBytes(doc.signature),
    doc.source,
    near?.id ?? null,
    near?.similarity ?? null,
    statementCount,
  ]
}

export interface StatementRow {
  ord: number
  attributionId: string
  mode: string
  speakerKey: string | null
  speakerName: string | null
  speakerType: string | null
  source: string | null
  cue: string | null
  content: string
  contentStart: number
  contentEnd: number
  parent: string | null
  quoteKey: string
  /** Entities mentioned inside the content (what the statement is about). */
  entityKeys: string[]
}

export interface EntityRow {
  key: string
  name: string
  type: string
  mentions: number
}

/** One persuasion-technique span, with the statement (attribution) whose content holds it. */
export interface TechniqueRow {
  /** The technique's id inside its document (`p3`). */
  techniqueId: string
  technique: string
  start: number
  end: number
  score: number
  /** The span's surface text. */
  span: string
  /** `ord` of the statement whose content holds the span; null: the outlet's own voice. */
  statementOrd: number | null
}

/** One check-worthy claim, with the statement (attribution) whose content it is. */
export interface ClaimRow {
  /** The claim's id inside its document (`c3`). */
  claimId: string
  start: number
  end: number
  /** The claim's surface text. */
  text: string
  checkworthiness: number
  /** `ord` of the statement the claim is the content of; null: the outlet's own voice. */
  statementOrd: number | null
}

export interface DocumentRows {
  document: DocumentRow
  statements: StatementRow[]
  entities: EntityRow[]
  techniques: TechniqueRow[]
  claims: ClaimRow[]
}

/**
 * The voice columns of a technique or claim row (migrations 003 and 006): the id of the statement
 * whose content holds it, that statement's speaker key and quote key; nulls for the outlet's own voice.
 *
 * @example insert.run(docId, t.techniqueId, …, ...spanVoice(t.statementOrd, statements, (ord) => ids[ord]))
 */
export function spanVoice(
  statementOrd: number | null,
  statements: StatementRow[],
  statementId: (ord: number) => number | undefined,
): [id: number | null, speakerKey: string | null, quoteKey: string | null] {
  const s = statementOrd === null ? undefined : statements[statementOrd]
  if (statementOrd === null || !s) return [null, null, null]
  return [statementId(statementOrd) ?? null, s.speakerKey, s.quoteKey]
}

/** A store-level error: the record cannot be stored as given (a bug upstream, not a content problem). */
export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'StoreError'
  }
}

function checkSpan(text: string, span: { start: number; end: number }, what: string): void {
  if (!(span.start >= 0 && span.start < span.end && span.end <= text.length)) {
    throw new StoreError(`${what} span [${span.start}, ${span.end}) lies outside the text (${text.length})`)
  }
}

/**
 * The rows of one document, with every span checked against the text (SQL never slices text: each
 * row keeps its surface string, taken here with `text.slice`).
 *
 * @example const { document, statements } = documentRows({ analysis })
 */
export function documentRows(record: DocumentRecord): DocumentRows {
  const { analysis } = record
  const text = analysis.document.text
  const entities = new Map(analysis.entities.map((e) => [e.id, e]))
  const keyOf = new Map<string, string>()
  const entityKey = (entity: Entity): string => {
    let key = keyOf.get(entity.id)
    if (key === undefined) {
      key = canonicalKey(entity.name, entity.type)
      keyOf.set(entity.id, key)
    }
    return key
  }
  const slice = (span: { start: number; end: number } | null, what: string): string | null => {
    if (!span) return null
    checkSpan(text, span, what)
    return text.slice(span.start, span.end)
  }

  const statements = analysis.attributions.map((a, ord): StatementRow => {
    const speaker = a.speaker ? entities.get(a.speaker) : undefined
    const content = slice(a.content, `attribution ${a.id} content`) as string
    const about = new Set<string>()
    for (const m of analysis.mentions) {
      if (m.start >= a.content.end) break
      if (m.start < a.content.start || m.end > a.content.end) continue
      const entity = m.entity ? entities.get(m.entity) : undefined
      about.add(entity ? entityKey(entity) : canonicalKey(text.slice(m.start, m.end), m.type))
    }
    return {
      ord,
      attributionId: a.id,
      mode: a.mode,
      speakerKey: speaker ? entityKey(speaker) : null,
      speakerName: speaker ? speaker.name : null,
      speakerType: speaker ? speaker.type : null,
      source: slice(a.source, `attribution ${a.id} source`),
      cue: slice(a.cue, `attribution ${a.id} cue`),
      content,
      contentStart: a.content.start,
      contentEnd: a.content.end,
      parent: a.parent,
      quoteKey: quoteKey(content),
      entityKeys: [...about].sort(),
    }
  })

  const ordOf = new Map(analysis.attributions.map((a, ord) => [a.id as string, ord]))
  const techniques = analysis.techniques.map((t): TechniqueRow => ({
    techniqueId: t.id,
    technique: t.technique,
    start: t.start,
    end: t.end,
    score: t.score,
    span: slice(t, `technique ${t.id}`) as string,
    statementOrd: t.attribution === null ? null : (ordOf.get(t.attribution) ?? null),
  }))
  const claims = analysis.claims.map((c): ClaimRow => ({
    claimId: c.id,
    start: c.start,
    end: c.end,
    text: slice(c, `claim ${c.id}`) as string,
    checkworthiness: c.checkworthiness,
    statementOrd: c.attribution === null ? null : (ordOf.get(c.attribution) ?? null),
  }))

  const byKey = new Map<string, EntityRow>()
  for (const entity of analysis.entities) {
    const key = entityKey(entity)
    const row = byKey.get(key)
    if (row) row.mentions += entity.mentions.length
    else byKey.set(key, { key, name: entity.name, type: entity.type, mentions: entity.mentions.length })
  }

  const meta = analysis.document
  return {
    document: {
      hash: record.hash ?? contentHash(text),
      externalId: analysis.id,
      title: meta.title,
      url: meta.url,
      outlet: meta.outlet,
      byline: meta.byline,
      published: meta.published,
      language: meta.language,
      text,
      analysisJson: JSON.stringify({ ...analysis, document: { ...meta, text: '' } }),
      signature: record.signature ?? minhash(text),
      source: record.source ?? null,
    },
    statements,
    entities: [...byKey.values()],
    techniques,
    claims,
  }
}

/**
 * The rows of a store input: prepared ones as they are, an analysis turned into rows here.
 *
 * @example const rows = rowsOf({ analysis }) // same as documentRows({ analysis })
 */
export function rowsOf(input: StoreInput): DocumentRows {
  return 'rows' in input ? input.rows : documentRows(input)
}

/** One speaker's share of a document: appearances, and how often each distinct quote appears. */
export interface SpeakerTotals {
  key: string
  appearances: number
  quotes: Map<string, number>
}

/**
 * The per-speaker totals of one document's statements, sorted by key (writers that lock rows in the
 * same order never deadlock).
 *
 * @example speakerTotals(rows.statements)[0] // { key: 'PERSON:hsn slm', appearances: 3, quotes: Map(3) }
 */
export function speakerTotals(statements: StatementRow[]): SpeakerTotals[] {
  const byKey = new Map<string, SpeakerTotals>()
  for (const s of statements) {
    if (!s.speakerKey) continue
    const totals = byKey.get(s.speakerKey) ?? {
      key: s.speakerKey,
      appearances: 0,
      quotes: new Map<string, number>(),
    }
    totals.appearances++
    totals.quotes.set(s.quoteKey, (totals.quotes.get(s.quoteKey) ?? 0) + 1)
    byKey.set(s.speakerKey, totals)
  }
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

/**
 * Upsert of a speaker's running totals (both dialects): new distinct quotes and outlets are added,
 * the document counted once, the first and last dates widened.
 */
export const UPSERT_SPEAKER_STATS =
  'INSERT INTO speaker_stats (speaker_key, statements, appearances, documents, outlets, first, last) ' +
  'VALUES (?, ?, ?, 1, ?, ?, ?) ON CONFLICT (speaker_key) DO UPDATE SET ' +
  'statements = speaker_stats.statements + excluded.statements, ' +
  'appearances = speaker_stats.appearances + excluded.appearances, ' +
  'documents = speaker_stats.documents + 1, outlets = speaker_stats.outlets + excluded.outlets, ' +
  'first = CASE WHEN speaker_stats.first IS NULL OR excluded.first < speaker_stats.first THEN excluded.first ELSE speaker_stats.first END, ' +
  'last = CASE WHEN speaker_stats.last IS NULL OR excluded.last > speaker_stats.last THEN excluded.last ELSE speaker_stats.last END'

/** The stored analysis JSON with its text put back: the exact analysis that was stored. */
export function restoreAnalysis(analysisJson: string, text: string): Analysis {
  const analysis = JSON.parse(analysisJson) as Analysis
  analysis.document.text = text
  return analysis
}

export { signatureToBytes }
