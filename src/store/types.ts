/**
 * The store contract: what every corpus backend (SQLite embedded, PostgreSQL at scale) offers.
 * `store.contract.ts` holds the one test suite both implementations must pass.
 */
import type { Analysis } from '../model/analysis.js'
import type { AttributionMode, Technique } from '../model/layers.js'
import type { DocumentRows } from './rows.js'

/** What ingest hands the store: a finished analysis and the values computed beside it (off the main thread). */
export interface DocumentRecord {
  analysis: Analysis
  /** Content hash from `contentHash(text)`; computed by the store when absent. */
  hash?: string
  /** MinHash signature from `minhash(text)`; computed by the store when absent. */
  signature?: Uint32Array
  /** Where the document came from (file path, URL, `file.jsonl:12`), for provenance and error messages. */
  source?: string
}

/**
 * A document already turned into rows by `prepareDocument` (ingest does it on the analysis worker
 * thread, so the thread that writes only writes).
 */
export interface PreparedDocument {
  rows: DocumentRows
}

/** What a store accepts: an analysis to turn into rows, or rows prepared elsewhere. */
export type StoreInput = DocumentRecord | PreparedDocument

export type PutStatus = 'stored' | 'duplicate'

export interface PutResult {
  status: PutStatus
  /** The stored document's id (for a duplicate: the id of the copy already stored). */
  id: number
  /** The earlier document this one is a near-duplicate (wire copy) of, with the estimated similarity. */
  nearDuplicateOf: { id: number; similarity: number } | null
}

/** One document's outcome in a batch: stored or duplicate, or failed alone (the rest of the batch is kept). */
export type BatchPutResult = PutResult | { status: 'failed'; error: Error }

export interface StoredDocument {
  id: number
  hash: string
  source: string | null
  analysis: Analysis
  nearDuplicateOf: { id: number; similarity: number } | null
  /** Later documents linked to this one as near-duplicates. */
  copies: number[]
}

export interface CorpusCounts {
  documents: number
  statements: number
  speakers: number
  nearDuplicates: number
  /** Check-worthy claims stored (the analyses' `claims` layers). */
  claims: number
}

/** Filters shared by search and speaker views. Dates are YYYY-MM-DD, inclusive. */
export interface Filters {
  speaker?: string
  entity?: string
  outlet?: string
  from?: string
  to?: string
  mode?: AttributionMode
}

export interface SearchQuery extends Filters {
  /** Free text: words, "quoted phrases", -excluded words, OR between alternatives. Empty: filters only. */
  text?: string
  /** Statements (attributed content) or whole documents. */
  target?: 'statements' | 'documents'
  limit?: number
  offset?: number
  /**
   * The window: the newest matches considered at most (default 2,000). Facets count them and ranking
   * orders them, so a very common word costs what a rarer one does; below it, both are exact.
   */
  facetLimit?: number
  /**
   * Matches counted at most for `total` (default 10,000). A text query with filters whose window is
   * full is not counted past it (`total` is the window, `totalExact` false).
   */
  countLimit?: number
}

export interface FacetCount {
  value: string
  count: number
  /** A readable name for the value (the speaker facet's values are canonical keys). */
  label?: string
}

export interface Facets {
  speaker: FacetCount[]
  outlet: FacetCount[]
  mode: FacetCount[]
  year: FacetCount[]
}

/** One attributed statement as stored: verbatim content with its offsets into the document text. */
export interface Statement {
  documentId: number
  /** The attribution's id inside its document (`a3`). */
  attributionId: string
  mode: AttributionMode
  speaker: { key: string; name: string } | null
  /** The local source mention ("he", "the IRGC chief commander"), verbatim. */
  source: string | null
  cue: string | null
  content: string
  contentStart: number
  contentEnd: number
  published: string | null
  outlet: string | null
  title: string | null
  url: string | null
  /** Normalised-content key: the same quote repeated by many outlets shares it. */
  quoteKey: string
  /** The document this one is a wire copy of, if any. */
  nearDuplicateOf: number | null
}

export interface StatementHit extends Statement {
  kind: 'statement'
  score: number
}

export interface DocumentHit {
  kind: 'document'
  documentId: number
  title: string | null
  outlet: string | null
  published: string | null
  url: string | null
  statements: number
  nearDuplicateOf: number | null
  score: number
}

export interface SearchResult {
  /** Every match, or a lower bound when `totalExact` is false (more than the count limit). */
  total: number
  totalExact: boolean
  hits: (StatementHit | DocumentHit)[]
  facets: Facets
  /**
   * The window's size: how many matches the facets counted and the ranking ordered (`total`, or the
   * newest `facetLimit` matches when there are more). Hits page through the window only.
   */
  facetsOver: number
}

export interface SpeakersQuery extends Omit<Filters, 'speaker'> {
  /** Break each speaker's counts down by outlet, month or year. */
  by?: 'outlet' | 'month' | 'year'
  limit?: number
}

export interface SpeakerRow {
  key: string
  name: string
  /** The breakdown value (outlet, YYYY-MM or YYYY) when `by` was given. */
  group?: string | null
  /** Distinct statements: a quote repeated in wire copies counts once. */
  statements: number
  /** Every appearance, wire copies included. */
  appearances: number
  documents: number
  outlets: number
  first: string | null
  last: string | null
}

export type TechniqueName = Technique['technique']

/** How often one technique is used by one voice (a speaker, or an outlet in its own voice). */
export interface TechniqueCount {
  technique: TechniqueName
  /** Every span, wire copies included. */
  uses: number
  /** Documents holding a use. */
  documents: number
  /** Distinct quotes holding a use (a speaker's quote repeated by many outlets counts once); 0 for an outlet's own voice. */
  quotes: number
}

export interface TechniquesQuery extends Omit<Filters, 'mode' | 'entity'> {
  /** Whose uses: speakers (techniques inside their attributed statements) or outlets (their own voice). */
  by: 'speaker' | 'outlet'
  /** Voices to list, most uses first. */
  limit?: number
}

/** One voice's technique counts, most used first. */
export interface TechniqueProfile {
  /** The speaker's canonical key, or the outlet name. */
  key: string
  /** The speaker's display name, or the outlet name. */
  name: string
  uses: number
  techniques: TechniqueCount[]
}

/**
 * A claims query. No entity filter: claims keep no entity rows, because an entity's canonical key is
 * computed in JS and migration 006 could not backfill them in SQL; words in the text find claims about
 * a subject. No mode: half the claims are the outlet's own voice, which has none.
 */
export interface ClaimsQuery extends Omit<Filters, 'mode' | 'entity'> {
  /** Words in the claim's text: words, "quoted phrases", -excluded words, OR. A filter: ranking stays by score. */
  text?: string
  /** Claims scored at least this (0–1). */
  minCheckworthiness?: number
  limit?: number
  offset?: number
}

/** One stored check-worthy claim, with where it stands in its document and who makes it. */
export interface ClaimHit {
  documentId: number
  /** The claim's id inside its document (`c3`). */
  claimId: string
  /** The claim's span in the document text (UTF-16 offsets, as in the analysis). */
  start: number
  end: number
  /** The claim's surface text, verbatim. */
  text: string
  /** The model's probability that this is a check-worthy factual claim: it ranks, it says nothing of truth. */
  checkworthiness: number
  /** The attribution whose content the claim is; null: the outlet's own voice. */
  attributionId: string | null
  /** The resolved speaker of that attribution, if any. */
  speaker: { key: string; name: string } | null
  /** The local source mention of that attribution ("he", "the ministry"), verbatim. */
  source: string | null
  title: string | null
  outlet: string | null
  published: string | null
  url: string | null
  /** The document this one is a wire copy of, if any. */
  nearDuplicateOf: number | null
}

export interface SpeakerProfile {
  keys: string[]
  name: string
  /** The names this speaker appears under, most frequent first. */
  variants: FacetCount[]
  statements: number
  appearances: number
  /** Every appearance, oldest first; repeats of one quote share a `quoteKey`. */
  items: Statement[]
  /** The persuasion techniques inside this speaker's statements, most used first. */
  techniques: TechniqueCount[]
}

/**
 * A corpus store. Every method is async so SQLite (synchronous underneath) and PostgreSQL share one
 * contract.
 *
 * @example
 * const store = await openStore('claimtrail.db')
 * const { status } = await store.putDocument({ analysis })
 * const hits = await store.search({ text: 'Zionist regime', speaker: 'Salami' })
 * await store.close()
 */
/**
 * Told of each migration that upgrades an existing store, as it starts (not of those that create a new
 * one): a migration that backfills a large store takes minutes, and a command should say so rather than
 * sit silent.
 */
export type MigrationNotice = (migration: { version: number; name: string }) => void

export interface Store {
  readonly kind: 'sqlite' | 'postgres'
  /** Where the store lives, for messages (a path, or a URL without its password). */
  readonly location: string
  /** Applies pending migrations; returns the versions applied. Idempotent and safe to run concurrently. */
  migrate(onMigration?: MigrationNotice): Promise<number[]>
  /** The id of a stored document with this content hash, or null. */
  findByHash(hash: string): Promise<number | null>
  /** Stores a document with all its rows in one transaction; a document already stored is a duplicate. */
  putDocument(record: StoreInput): Promise<PutResult>
  /**
   * Stores many documents, each whole or not at all: a document that fails is rolled back alone and
   * reported as failed. Cheaper per document than `putDocument` where the backend can share one commit.
   */
  putDocuments(records: StoreInput[]): Promise<BatchPutResult[]>
  getDocument(id: number): Promise<StoredDocument | null>
  counts(): Promise<CorpusCounts>
  search(query: SearchQuery): Promise<SearchResult>
  speakers(query?: SpeakersQuery): Promise<SpeakerRow[]>
  /** Everything a speaker said, across name variants; null when no speaker matches the name. */
  speaker(name: string, filters?: Omit<Filters, 'speaker'>): Promise<SpeakerProfile | null>
  /** Persuasion techniques per speaker or per outlet (own voice), voices with most uses first. */
  techniques(query: TechniquesQuery): Promise<TechniqueProfile[]>
  /** Check-worthy claims, most check-worthy first (ties newest first), with their speaker when attributed. */
  claims(query?: ClaimsQuery): Promise<ClaimHit[]>
  close(): Promise<void>
}
