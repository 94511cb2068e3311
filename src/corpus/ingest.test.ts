import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyze } from '../analyze.js'
import { IRGC_PRESS_TV, IRGC_WIRE_COPY, KHAMENEHI_SPEECH } from '../store/contract-fixtures.js'
import { SqliteStore } from '../store/sqlite/sqlite-store.js'
import { formatSummary, ingestCorpus } from './ingest.js'
import { fixtureAnalyzer } from './test-analyzer.js'

const dir = mkdtempSync(path.join(tmpdir(), 'claimtrail-ingest-'))
const articles = path.join(dir, 'articles')
const analyzer = fixtureAnalyzer([IRGC_PRESS_TV, IRGC_WIRE_COPY, KHAMENEHI_SPEECH])

beforeAll(() => {
  mkdirSync(path.join(articles, 'tasnim'), { recursive: true })
  writeFileSync(path.join(articles, 'presstv.txt'), IRGC_PRESS_TV.text)
  writeFileSync(
    path.join(articles, 'tasnim', 'copy.html'),
    `<!doctype html><html><head><title>${IRGC_WIRE_COPY.title}</title></head><body><article>${IRGC_WIRE_COPY.text
      .split('\n\n')
      .map((p) => `<p>${p}</p>`)
      .join('')}</article></body></html>`,
  )
  writeFileSync(
    path.join(articles, 'logo.txt'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3]),
  )
  writeFileSync(path.join(articles, 'notes.docx'), 'not picked up: unknown extension')
  writeFileSync(
    path.join(articles, 'batch.jsonl'),
    [
      JSON.stringify({ id: 'irna-3', text: KHAMENEHI_SPEECH.text, outlet: 'IRNA', published: '2022-10-05' }),
      '{"id": "broken", "text": ',
      JSON.stringify({ id: 'again', text: IRGC_PRESS_TV.text }),
    ].join('\n'),
  )
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('ingestCorpus', () => {
  let file: string

  it('stores every readable document once, links the wire copy, and reports each failure with its reason', async () => {
    file = path.join(dir, 'corpus.db')
    const store = await SqliteStore.open(file)
    const events: string[] = []
    const summary = await ingestCorpus([articles, path.join(dir, 'missing.txt')], store, {
      analyzer,
      onDocument: (e) => events.push(e.status),
    })
    expect(summary).toMatchObject({ seen: 7, stored: 3, duplicates: 1, nearDuplicates: 1 })
    expect(events).toHaveLength(7)
    const reasons = summary.failed.map((f) => f.reason).sort()
    expect(reasons).toHaveLength(3)
    expect(reasons[0]).toMatch(/batch\.jsonl: line 2: not valid JSON/)
    expect(reasons[1]).toMatch(/logo\.txt looks like a PNG image/)
    expect(reasons[2]).toMatch(/missing\.txt: no such file/)
    const counts = await store.counts()
    expect(counts).toMatchObject({ documents: 3, nearDuplicates: 1 })
    // The HTML copy's extracted text differs from the fixture's, so the real pipeline analysed it.
    let attributions = 0
    for (const id of [1, 2, 3])
      attributions += (await store.getDocument(id))?.analysis.attributions.length ?? 0
    expect(counts.statements).toBe(attributions)
    const text = formatSummary(summary)
    expect(text).toMatch(/3 stored \(1 near-duplicate linked\), 1 duplicate skipped, 3 failed/)
    expect(text).toMatch(/failed: .*missing\.txt/)
    await store.close()
  })

  it('is idempotent: a second run stores nothing new', async () => {
    const store = await SqliteStore.open(file)
    const summary = await ingestCorpus([articles], store, { analyzer })
    expect(summary).toMatchObject({ seen: 6, stored: 0, duplicates: 4 })
    expect((await store.counts()).documents).toBe(3)
    expect(store.integrityCheck()).toBe('ok')
    await store.close()
  })

  it('keeps the outlet and date a JSONL record gives, and the defaults for the others', async () => {
    const store = await SqliteStore.open(path.join(dir, 'defaults.db'))
    await ingestCorpus([path.join(articles, 'presstv.txt'), path.join(articles, 'batch.jsonl')], store, {
      analyzer,
      outlet: 'Wire Desk',
      published: '2022-09-01',
    })
    const speakers = await store.speakers({ by: 'outlet' })
    expect(speakers.map((s) => [s.name, s.group])).toEqual([
      ['Hossein Salami', 'Wire Desk'],
      ['Ali Khamenehi', 'IRNA'],
      ['Foreign Ministry', 'IRNA'],
    ])
    await store.close()
  })

  it.each([1, 2])(
    'analyses on a real worker-thread pool with the real pipeline (%i thread(s); 2: each analysis in two halves)',
    async (threads) => {
      const store = await SqliteStore.open(path.join(dir, `pool-${threads}.db`))
      const example = readFileSync(
        new URL('../../test/corpus/irgc-salami-interview/source.txt', import.meta.url),
        'utf8',
      )
      writeFileSync(path.join(dir, 'example.txt'), example)
      const summary = await ingestCorpus([path.join(dir, 'example.txt')], store, {
        threads,
        published: '2022-09-01',
      })
      expect(summary.failed).toEqual([])
      expect(summary.stored).toBe(1)
      const doc = await store.getDocument(1)
      expect(doc?.analysis.document.text).toBe(example.replace(/\r\n?/g, '\n'))
      // The same layers as one analysis of the same text on this thread.
      const here = analyze({ text: doc?.analysis.document.text ?? '', meta: { published: '2022-09-01' } })
      const layers = ({ mentions, entities, attributions, times, techniques, claims }: typeof here) => ({
        mentions,
        entities,
        attributions,
        times,
        techniques,
        claims,
      })
      expect(doc && layers(doc.analysis)).toEqual(layers(here))
      expect(here.attributions.length).toBeGreaterThan(5)
      expect((await store.counts()).statements).toBe(doc?.analysis.attributions.length)
      await store.close()
    },
  )
})
