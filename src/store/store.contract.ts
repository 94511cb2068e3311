/**
 * The one test suite every store must pass (Hono's common-case pattern): the SQLite and PostgreSQL
 * test files each call `runStoreContract` with a factory for a fresh, empty store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { corpusSlugs, loadCorpusDoc } from '../../test/helpers/corpus.js'
import type { Analysis } from '../model/analysis.js'
import { canonicalKey } from './canonical-key.js'
import { fixtureAnalysis, IRGC_PRESS_TV, IRGC_WIRE_COPY, KHAMENEHI_SPEECH } from './contract-fixtures.js'
import { StoreError } from './rows.js'
import type { ClaimHit, StatementHit, Store, TechniqueProfile } from './types.js'

/** The golden corpus's analysed articles (the pipeline's own snapshots), each with its outlet. */
export function analysedArticles(): Analysis[] {
  return corpusSlugs().flatMap((slug) => {
    const doc = loadCorpusDoc(slug)
    return doc.expected ? [doc.expected] : []
  })
}

/**
 * The layers a migration backfills from the analyses already stored: the SQL that takes a store back to
 * the schema before it, per backend (`$s.` stands for the PostgreSQL schema), and reads that must give
 * the same answer after the backfill as after writing the rows.
 */
export const BACKFILLED_LAYERS = [
  {
    layer: 'techniques',
    version: 3,
    undo: { sqlite: ['DROP TABLE techniques'], postgres: ['DROP TABLE $s.techniques'] },
    read: (s: Store) =>
      Promise.all([
        s.techniques({ by: 'speaker', limit: 1000 }),
        s.techniques({ by: 'outlet', limit: 1000 }),
      ]),
  },
  {
    layer: 'claims',
    version: 6,
    undo: {
      sqlite: ['DROP TABLE claims', 'DROP TABLE claims_fts'],
      postgres: ['DROP TABLE $s.claims'],
    },
    read: (s: Store) => Promise.all([s.claims({ limit: 1000 }), s.claims({ text: 'asylum', limit: 1000 })]),
  },
  {
    layer: 'entity_dates',
    version: 7,
    undo: {
      sqlite: [
        'DROP INDEX statement_entities_newest',
        'ALTER TABLE statement_entities DROP COLUMN published',
        'DROP INDEX document_entities_newest',
        'ALTER TABLE document_entities DROP COLUMN published',
      ],
      postgres: [
        'ALTER TABLE $s.statement_entities DROP COLUMN published',
        'ALTER TABLE $s.document_entities DROP COLUMN published',
      ],
    },
    // A window of one: the newest by the dates the migration copied. The United States is in the golden
    // articles of 2015-09-22 and, stored after them, 2014-01-28: without the dates the latter would win.
    read: (s: Store) =>
      Promise.all(
        (['statements', 'documents'] as const).map(async (target) => [
          await s.search({ entity: 'United States', target, facetLimit: 1 }),
        ]),
      ),
  },
]

/**
 * Technique uses per voice counted straight from analyses: `voice` gives the voice of a technique
 * (a speaker key or an outlet), or null when it is not that kind of voice.
 */
function countUses(
  analyses: Analysis[],
  voice: (a: Analysis, attribution: string | null) => string | null,
): Map<string, Map<string, number>> {
  const uses = new Map<string, Map<string, number>>()
  for (const a of analyses) {
    for (const t of a.techniques) {
      const key = voice(a, t.attribution)
      if (key === null) continue
      const counts = uses.get(key) ?? new Map<string, number>()
      counts.set(t.technique, (counts.get(t.technique) ?? 0) + 1)
      uses.set(key, counts)
    }
  }
  return uses
}

/** The store's profiles in the same shape as `countUses`. */
function usesOf(profiles: TechniqueProfile[]): Map<string, Map<string, number>> {
  return new Map(profiles.map((p) => [p.key, new Map(p.techniques.map((t) => [t.technique, t.uses]))]))
}

/** The speaker key of an attribution (null when it has no resolved speaker). */
function speakerKeyOf(a: Analysis, attribution: string | null): string | null {
  const speakerId = a.attributions.find((x) => x.id === attribution)?.speaker
  const entity = a.entities.find((e) => e.id === speakerId)
  return entity ? canonicalKey(entity.name, entity.type) : null
}

/**
 * Runs the store contract against fresh stores from `makeStore`.
 *
 * @example runStoreContract(() => SqliteStore.open(path.join(tmp, 'test.db')))
 */
export function runStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`store contract: ${name}`, () => {
    let store: Store
    const irgc = fixtureAnalysis(IRGC_PRESS_TV)
    const copy = fixtureAnalysis(IRGC_WIRE_COPY)
    const speech = fixtureAnalysis(KHAMENEHI_SPEECH)
    const ids: Record<string, number> = {}

    beforeAll(async () => {
      store = await makeStore()
    })
    afterAll(async () => {
      await store?.close()
    })

    it('applies migrations once: a second run applies none', async () => {
      expect(await store.migrate()).toEqual([])
    })

    it('stores a document and gives back the identical analysis', async () => {
      const put = await store.putDocument({ analysis: irgc, source: 'fixtures/presstv.txt' })
      expect(put.status).toBe('stored')
      expect(put.nearDuplicateOf).toBeNull()
      ids.irgc = put.id
      const stored = await store.getDocument(put.id)
      expect(stored?.source).toBe('fixtures/presstv.txt')
      expect(JSON.stringify(stored?.analysis)).toBe(JSON.stringify(irgc))
    })

    it('stores the same text again as a duplicate, even re-spaced, and adds nothing', async () => {
      const before = await store.counts()
      const again = await store.putDocument({ analysis: irgc })
      expect(again).toEqual({ status: 'duplicate', id: ids.irgc, nearDuplicateOf: null })
      const respaced: Analysis = {
        ...irgc,
        document: { ...irgc.document, text: `${irgc.document.text}\n\n` },
      }
      expect((await store.putDocument({ analysis: respaced })).status).toBe('duplicate')
      expect(await store.counts()).toEqual(before)
    })

    it('links a lightly edited wire copy to the first copy of the story', async () => {
      const put = await store.putDocument({ analysis: copy })
      expect(put.status).toBe('stored')
      expect(put.nearDuplicateOf?.id).toBe(ids.irgc)
      expect(put.nearDuplicateOf?.similarity).toBeGreaterThan(0.6)
      ids.copy = put.id
      expect((await store.getDocument(ids.irgc as number))?.copies).toEqual([put.id])
    })

    it('does not link a different story', async () => {
      const put = await store.putDocument({ analysis: speech })
      expect(put.nearDuplicateOf).toBeNull()
      ids.speech = put.id
      expect(await store.counts()).toEqual({
        documents: 3,
        statements: 8,
        speakers: 3,
        nearDuplicates: 1,
        claims: 0,
      })
    })

    it('finds the document by its content hash', async () => {
      const { contentHash } = await import('./rows.js')
      expect(await store.findByHash(contentHash(speech.document.text))).toBe(ids.speech)
      expect(await store.findByHash('0'.repeat(64))).toBeNull()
    })

    it('rejects a record whose spans lie outside its text, and stores nothing of it', async () => {
      const broken: Analysis = {
        ...speech,
        document: { ...speech.document, text: 'Short text, said nobody.' },
      }
      await expect(store.putDocument({ analysis: broken })).rejects.toThrow(StoreError)
      expect((await store.counts()).documents).toBe(3)
    })

    it('searches statements, ranked, with verbatim content and offsets into the stored text', async () => {
      const result = await store.search({ text: 'West Bank' })
      // Two statements in the first copy and one in the wire copy mention the West Bank.
      expect(result.total).toBe(3)
      const hits = result.hits as StatementHit[]
      expect(hits.map((h) => h.kind)).toEqual(['statement', 'statement', 'statement'])
      for (const hit of hits) {
        const doc = await store.getDocument(hit.documentId)
        expect(doc?.analysis.document.text.slice(hit.contentStart, hit.contentEnd)).toBe(hit.content)
        expect(hit.content).toMatch(/West Bank/)
        expect(hit.speaker?.name).toBe('Hossein Salami')
      }
      const scores = hits.map((h) => h.score)
      expect([...scores].sort((a, b) => b - a)).toEqual(scores)
      expect(result.facets.outlet).toEqual([
        { value: 'Press TV', count: 2 },
        { value: 'Tasnim', count: 1 },
      ])
      expect(result.facets.mode).toEqual([{ value: 'indirect', count: 3 }])
      expect(result.facets.year).toEqual([{ value: '2022', count: 3 }])
      expect(result.facets.speaker).toEqual([{ value: 'PERSON:hsn slm', count: 3, label: 'Hossein Salami' }])
    })

    it('matches stems, phrases, alternatives and exclusions', async () => {
      expect((await store.search({ text: 'negotiating' })).total).toBe(1)
      expect((await store.search({ text: '"stand firm"' })).total).toBe(1)
      expect((await store.search({ text: '"firm stand"' })).total).toBe(0)
      expect((await store.search({ text: 'envoys OR threats' })).total).toBe(2)
      // The first quote, in both copies of the story, names the Zionist regime but not Gaza.
      expect((await store.search({ text: 'Zionist -Gaza' })).total).toBe(2)
      expect((await store.search({ text: '-Gaza' })).total).toBe(0)
    })

    it.each([
      ['speaker by surname', { speaker: 'Salami' }, 5],
      ['speaker with title', { speaker: 'Major General Hossein Salami' }, 5],
      ['speaker by another transliteration', { speaker: 'Ali Khamenei' }, 2],
      ['an organisation speaking', { speaker: 'the Foreign Ministry' }, 1],
      ['an unknown speaker', { speaker: 'Nobody Known' }, 0],
      ['outlet', { outlet: 'Tasnim' }, 2],
      ['date range', { from: '2022-09-02', to: '2022-10-01' }, 2],
      ['mode', { mode: 'direct' as const }, 1],
      ['entity mentioned in the content', { entity: 'Gaza Strip' }, 3],
    ])('filters statements: %s', async (_, filters, expected) => {
      const result = await store.search(filters)
      expect(result.total).toBe(expected)
      expect(result.hits.length).toBe(expected)
    })

    it('ranks text the same with and without a filter that keeps everything', async () => {
      for (const target of ['statements', 'documents'] as const) {
        const plain = await store.search({ text: 'Zionist regime', target })
        const filtered = await store.search({ text: 'Zionist regime', target, from: '1900-01-01' })
        expect(filtered.hits).toEqual(plain.hits)
        expect(plain.hits.length).toBeGreaterThan(1)
      }
    })

    it.each([
      ['an entity', { entity: 'Gaza Strip' }],
      ['a speaker', { speaker: 'Salami' }],
      ['an outlet and dates', { outlet: 'Tasnim', from: '2022-09-01', to: '2022-09-30' }],
      ['a mode', { mode: 'indirect' as const }],
    ])('finds text with %s: the text matches that the filters keep', async (_, filters) => {
      const ids = (r: { hits: { documentId: number }[] }) =>
        r.hits.map((h) => `${h.documentId}:${(h as StatementHit).attributionId}`).sort()
      const text = ids(await store.search({ text: 'Zionist' }))
      const kept = new Set(ids(await store.search(filters)))
      const both = await store.search({ text: 'Zionist', ...filters })
      expect(ids(both)).toEqual(text.filter((id) => kept.has(id)))
      expect(both.total).toBe(both.hits.length)
    })

    it('combines text and filters', async () => {
      const result = await store.search({ text: 'Zionist', outlet: 'Tasnim', speaker: 'Salami' })
      expect(result.total).toBe(2)
      expect(new Set(result.hits.map((h) => h.documentId))).toEqual(new Set([ids.copy]))
    })

    it('bounds facet counting to the facet limit, keeping the total exact', async () => {
      const full = await store.search({ speaker: 'Salami' })
      expect(full.facetsOver).toBe(5)
      const capped = await store.search({ speaker: 'Salami', facetLimit: 2 })
      expect(capped.total).toBe(5)
      expect(capped.facetsOver).toBe(2)
      expect(capped.facets.mode.reduce((n, f) => n + f.count, 0)).toBe(2)
      const text = await store.search({ text: 'Zionist', facetLimit: 1 })
      expect([text.total, text.facetsOver]).toEqual([4, 1])
    })

    it('counts up to the count limit, saying when the total is a lower bound', async () => {
      const exact = await store.search({ speaker: 'Salami', facetLimit: 1, countLimit: 10 })
      expect([exact.total, exact.totalExact]).toEqual([5, true])
      const bound = await store.search({ speaker: 'Salami', facetLimit: 1, countLimit: 3 })
      expect([bound.total, bound.totalExact]).toEqual([3, false])
      const text = await store.search({ text: 'Zionist', facetLimit: 1, countLimit: 2 })
      expect([text.total, text.totalExact]).toEqual([2, false])
    })

    it.each(['statements', 'documents'] as const)(
      'windows an entity filter alone on the newest %s about it by date',
      async (target) => {
        const all = await store.search({ entity: 'Gaza Strip', target })
        expect(all.hits.length).toBeGreaterThan(1)
        const dates = all.hits.map((h) => h.published ?? '')
        expect(dates).toEqual([...dates].sort().reverse())
        // A window one short of every match: it must drop the oldest.
        const size = all.hits.length - 1
        const newest = await store.search({ entity: 'Gaza Strip', target, facetLimit: size })
        expect([newest.total, newest.facetsOver]).toEqual([all.total, size])
        expect(newest.hits).toEqual(all.hits.slice(0, size))
      },
    )

    it('ranks the newest matches of the window: hits and facets come from the same matches', async () => {
      const all = await store.search({ text: 'Zionist' })
      const newest = await store.search({ text: 'Zionist', facetLimit: 2 })
      // The window holds the two most recently stored matches, ranked among themselves.
      const newestIds = [...all.hits].sort((a, b) => b.documentId - a.documentId || 0).slice(0, 2)
      expect(newest.hits.length).toBe(2)
      expect(newest.facets.outlet.reduce((n, f) => n + f.count, 0)).toBe(2)
      expect(new Set(newest.hits.map((h) => (h as StatementHit).content))).toEqual(
        new Set(newestIds.map((h) => (h as StatementHit).content)),
      )
    })

    it('pages through hits without changing the total', async () => {
      const all = await store.search({ speaker: 'Salami' })
      const page = await store.search({ speaker: 'Salami', limit: 2, offset: 2 })
      expect(page.total).toBe(all.total)
      expect(page.hits).toEqual(all.hits.slice(2, 4))
    })

    it('searches documents, with outlet and year facets', async () => {
      const result = await store.search({ text: 'Zionist regime', target: 'documents' })
      expect(result.total).toBe(2)
      expect(result.hits.map((h) => h.documentId).sort()).toEqual([ids.irgc, ids.copy].sort())
      expect(result.facets.outlet.map((f) => f.value).sort()).toEqual(['Press TV', 'Tasnim'])
      const bySpeaker = await store.search({ target: 'documents', speaker: 'Khamenei' })
      expect(bySpeaker.hits.map((h) => h.documentId)).toEqual([ids.speech])
    })

    it('ranks speakers by distinct statements: a quote repeated in a wire copy counts once', async () => {
      const rows = await store.speakers()
      expect(rows.map((r) => [r.name, r.statements, r.appearances, r.documents, r.outlets])).toEqual([
        ['Hossein Salami', 3, 5, 2, 2],
        ['Ali Khamenehi', 2, 2, 1, 1],
        ['Foreign Ministry', 1, 1, 1, 1],
      ])
      expect(rows[0]).toMatchObject({ first: '2022-09-01', last: '2022-09-02' })
    })

    it('keeps running speaker totals equal to counting the statements', async () => {
      // No filter reads the running totals; a date filter that keeps everything counts the statements.
      expect(await store.speakers()).toEqual(await store.speakers({ from: '1900-01-01' }))
    })

    it('breaks speakers down by outlet and by month', async () => {
      const byOutlet = await store.speakers({ by: 'outlet', limit: 1 })
      expect(byOutlet.map((r) => [r.group, r.statements])).toEqual([
        ['Press TV', 3],
        ['Tasnim', 2],
      ])
      const byMonth = await store.speakers({ by: 'month', outlet: 'IRNA' })
      expect(byMonth.map((r) => [r.name, r.group, r.statements])).toEqual([
        ['Ali Khamenehi', '2022-10', 2],
        ['Foreign Ministry', '2022-10', 1],
      ])
    })

    it('lists every statement of a speaker across documents, oldest first, with offsets', async () => {
      const profile = await store.speaker('Salami')
      expect(profile?.name).toBe('Hossein Salami')
      expect(profile?.statements).toBe(3)
      expect(profile?.appearances).toBe(5)
      const items = profile?.items ?? []
      expect(items.map((i) => [i.published, i.outlet, i.mode])).toEqual([
        ['2022-09-01', 'Press TV', 'indirect'],
        ['2022-09-01', 'Press TV', 'indirect'],
        ['2022-09-01', 'Press TV', 'indirect'],
        ['2022-09-02', 'Tasnim', 'indirect'],
        ['2022-09-02', 'Tasnim', 'indirect'],
      ])
      expect(items[3]?.quoteKey).toBe(items[0]?.quoteKey)
      expect(items[3]?.nearDuplicateOf).toBe(ids.irgc)
      for (const item of items) {
        const doc = await store.getDocument(item.documentId)
        expect(doc?.analysis.document.text.slice(item.contentStart, item.contentEnd)).toBe(item.content)
      }
    })

    it('follows a speaker across transliterations and reports the name variants', async () => {
      const profile = await store.speaker('Khamenei')
      expect(profile?.keys).toEqual(['PERSON:al kmn'])
      expect(profile?.variants).toEqual([
        { value: 'Ali Khamenehi', count: 1 },
        { value: 'Ayatollah Ali Khamenehi', count: 1 },
      ])
      expect(profile?.items.map((i) => i.mode)).toEqual(['indirect', 'direct'])
      expect(await store.speaker('Nobody Known')).toBeNull()
    })
  })

  describe(`store contract: ${name}, techniques and claims of real analysed articles`, () => {
    let store: Store
    const articles = analysedArticles()

    beforeAll(async () => {
      store = await makeStore()
      for (const analysis of articles) await store.putDocument({ analysis })
    })
    afterAll(async () => {
      await store?.close()
    })

    it('counts the claims of every stored analysis', async () => {
      const claims = articles.reduce((n, a) => n + a.claims.length, 0)
      expect(claims).toBeGreaterThan(0)
      expect((await store.counts()).claims).toBe(claims)
    })

    it('has analysed articles with techniques in and out of quotes to test on', () => {
      const all = articles.flatMap((a) => a.techniques)
      expect(all.some((t) => t.attribution === null)).toBe(true)
      expect(all.some((t) => t.attribution !== null)).toBe(true)
    })

    it("counts each speaker's techniques: the spans inside their attributed statements", async () => {
      const expected = countUses(articles, (a, attribution) =>
        attribution === null ? null : speakerKeyOf(a, attribution),
      )
      expect(expected.size).toBeGreaterThan(0)
      const profiles = await store.techniques({ by: 'speaker', limit: 1000 })
      expect(usesOf(profiles)).toEqual(expected)
      // Voices come most used first, each with its total.
      const totals = profiles.map((p) => p.uses)
      expect([...totals].sort((x, y) => y - x)).toEqual(totals)
      for (const p of profiles) expect(p.uses).toBe(p.techniques.reduce((n, t) => n + t.uses, 0))
    })

    it("counts each outlet's own voice: the spans outside every attribution", async () => {
      const expected = countUses(articles, (a, attribution) =>
        attribution === null ? a.document.outlet : null,
      )
      expected.delete(null as unknown as string)
      expect(expected.size).toBeGreaterThan(0)
      expect(usesOf(await store.techniques({ by: 'outlet', limit: 1000 }))).toEqual(expected)
    })

    it("gives a speaker's profile their technique counts, and filters by date", async () => {
      const [top] = await store.techniques({ by: 'speaker', limit: 1 })
      expect(top).toBeDefined()
      const profile = await store.speaker(top?.name as string)
      expect(new Map(profile?.techniques.map((t) => [t.technique, t.uses]))).toEqual(
        new Map(top?.techniques.map((t) => [t.technique, t.uses])),
      )
      for (const t of profile?.techniques ?? []) expect(t.quotes).toBeGreaterThan(0)
      expect(await store.techniques({ by: 'speaker', from: '2999-01-01' })).toEqual([])
    })

    /** Every stored claim, in the store's order. */
    const allClaims = (): Promise<ClaimHit[]> => store.claims({ limit: 10_000 })
    const claimIds = (hits: ClaimHit[]): string[] => hits.map((h) => `${h.documentId}:${h.claimId}`)

    it('has analysed articles with claims in and out of quotes to test on', () => {
      const all = articles.flatMap((a) => a.claims)
      expect(all.some((c) => c.attribution === null)).toBe(true)
      expect(all.some((c) => c.attribution !== null)).toBe(true)
    })

    it("stores every claim with its analysis's span, text, score and speaker", async () => {
      const hits = await allClaims()
      expect(hits.length).toBe(articles.reduce((n, a) => n + a.claims.length, 0))
      for (const hit of hits) {
        const doc = await store.getDocument(hit.documentId)
        const analysis = doc?.analysis as Analysis
        const claim = analysis.claims.find((c) => c.id === hit.claimId)
        expect(claim).toBeDefined()
        expect([hit.start, hit.end, hit.checkworthiness]).toEqual([
          claim?.start,
          claim?.end,
          claim?.checkworthiness,
        ])
        expect(hit.text).toBe(analysis.document.text.slice(hit.start, hit.end))
        expect(hit.attributionId).toBe(claim?.attribution)
        expect(hit.speaker?.key ?? null).toBe(speakerKeyOf(analysis, claim?.attribution ?? null))
        expect([hit.outlet, hit.published, hit.title]).toEqual([
          analysis.document.outlet,
          analysis.document.published,
          analysis.document.title,
        ])
      }
    })

    it('ranks claims most check-worthy first, ties newest first', async () => {
      const hits = await allClaims()
      for (let i = 1; i < hits.length; i++) {
        const [a, b] = [hits[i - 1] as ClaimHit, hits[i] as ClaimHit]
        expect(a.checkworthiness).toBeGreaterThanOrEqual(b.checkworthiness)
        if (a.checkworthiness === b.checkworthiness && a.published && b.published)
          expect(a.published >= b.published).toBe(true)
      }
      // The golden articles hold tied scores from different days: the order between them is tested.
      const tiedDays = hits.filter(
        (h, i) =>
          i > 0 &&
          h.checkworthiness === hits[i - 1]?.checkworthiness &&
          h.published !== hits[i - 1]?.published,
      )
      expect(tiedDays.length).toBeGreaterThan(0)
    })

    it('filters claims by speaker, outlet, dates and score, keeping the rank order', async () => {
      const hits = await allClaims()
      const spoken = hits.filter((h) => h.speaker)
      const speaker = spoken[0]?.speaker as { key: string; name: string }
      const keys = (await store.speaker(speaker.name))?.keys ?? []
      expect(keys).toContain(speaker.key)
      const outlet = hits.find((h) => h.outlet)?.outlet as string
      const day = hits[hits.length - 1]?.published as string
      const cases: [Parameters<Store['claims']>[0], (h: ClaimHit) => boolean][] = [
        [{ speaker: speaker.name }, (h) => keys.includes(h.speaker?.key ?? '')],
        [{ outlet }, (h) => h.outlet === outlet],
        [{ from: day, to: day }, (h) => h.published === day],
        [{ minCheckworthiness: 0.9 }, (h) => h.checkworthiness >= 0.9],
        [{ outlet, minCheckworthiness: 0.9 }, (h) => h.outlet === outlet && h.checkworthiness >= 0.9],
      ]
      for (const [query, keep] of cases) {
        const expected = claimIds(hits.filter(keep))
        expect(expected.length, JSON.stringify(query)).toBeGreaterThan(0)
        expect(expected.length, JSON.stringify(query)).toBeLessThan(hits.length)
        expect(claimIds(await store.claims({ ...query, limit: 10_000 }))).toEqual(expected)
      }
      expect(await store.claims({ speaker: 'Nobody Known' })).toEqual([])
    })

    it('finds claims by words in their text, by stem, ranked by score', async () => {
      const hits = await allClaims()
      const found = await store.claims({ text: 'asylum', limit: 10_000 })
      const holding = claimIds(hits.filter((h) => /\basylum\b/i.test(h.text)))
      expect(holding.length).toBeGreaterThan(1)
      expect(claimIds(found)).toEqual(claimIds(hits.filter((h) => /\basylum/i.test(h.text))))
      expect(claimIds(found)).toEqual(expect.arrayContaining(holding))
      const phrase = await store.claims({ text: '"Zionist regime"', limit: 10_000 })
      expect(phrase.length).toBeGreaterThan(0)
      for (const h of phrase) expect(h.text).toMatch(/Zionist regime/)
      expect(await store.claims({ text: '-asylum' })).toEqual([])
    })

    it('pages through claims', async () => {
      const hits = await allClaims()
      expect(await store.claims({ limit: 5, offset: 5 })).toEqual(hits.slice(5, 10))
      expect((await store.claims()).length).toBe(Math.min(20, hits.length))
    })

    // Runs last: it adds a document.
    it('ranks an undated copy of a claim after the dated one it ties with', async () => {
      const source = articles.find((a) => a.claims.length > 0) as Analysis
      const undated: Analysis = {
        ...source,
        id: `${source.id}-undated`,
        document: { ...source.document, text: `${source.document.text}\n\nUndated copy.`, published: null },
      }
      const { id, status } = await store.putDocument({ analysis: undated })
      expect(status).toBe('stored')
      const hits = await allClaims()
      const copies = hits.filter((h) => h.documentId === id)
      expect(copies.length).toBe(source.claims.length)
      for (const copy of copies) {
        expect(copy.published).toBeNull()
        // Every dated claim with the same score (the original at least) comes first: undated last.
        const tied = hits.filter((h) => h.checkworthiness === copy.checkworthiness && h.published !== null)
        expect(tied.length).toBeGreaterThan(0)
        for (const h of tied) expect(hits.indexOf(h)).toBeLessThan(hits.indexOf(copy))
      }
    })
  })
}
