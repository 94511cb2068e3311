import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AnalysisSchema } from '../model/analysis.js'
import { SqliteStore } from '../store/sqlite/sqlite-store.js'
import type { Store } from '../store/types.js'
import { createApp } from './app.js'

const ARTICLE = readFileSync(
  new URL('../../test/corpus/irgc-salami-interview/source.txt', import.meta.url),
  'utf8',
)
const dir = mkdtempSync(path.join(tmpdir(), 'claimtrail-server-'))
let store: Store
let app: ReturnType<typeof createApp>
let storedId: number

const post = (body: string, headers: Record<string, string> = {}) =>
  app.request('/api/analyze', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  })

beforeAll(async () => {
  store = await SqliteStore.open(path.join(dir, 'api.db'))
  app = createApp({ store, maxBodyBytes: 200_000, fetchUrls: false, staticDir: null, log: () => {} })
  const res = await post(
    JSON.stringify({
      text: ARTICLE,
      published: '2022-09-01',
      outlet: 'Tasnim',
      title: 'IRGC chief',
      save: true,
    }),
  )
  expect(res.status).toBe(200)
  storedId = ((await res.json()) as { stored: { id: number } }).stored.id
})
afterAll(async () => {
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('POST /api/analyze', () => {
  it('returns analysis@1 of the example article, with Salami as a speaker', async () => {
    const res = await post(JSON.stringify({ text: ARTICLE, published: '2022-09-01' }))
    expect(res.status).toBe(200)
    const analysis = AnalysisSchema.parse(await res.json())
    expect(analysis.document.text).toBe(ARTICLE.replace(/\r\n?/g, '\n'))
    expect(analysis.document.published).toBe('2022-09-01')
    const salami = analysis.entities.find((e) => e.name === 'Hossein Salami')
    expect(salami).toBeDefined()
    const his = analysis.attributions.filter((a) => a.speaker === salami?.id)
    expect(his.length).toBeGreaterThan(3)
    const first = his[0]
    expect(analysis.document.text.slice(first?.content.start, first?.content.end)).toMatch(
      /the recent defeat of the Zionist regime/,
    )
  })

  it('reads HTML and takes the title from the page', async () => {
    const html =
      '<html><head><title>Rockets</title></head><body><article><h1>Rockets</h1><p>Hezbollah is now capable of successful operations, Salami said on Tuesday.</p></article></body></html>'
    const res = await post(JSON.stringify({ html, published: '2022-09-01' }))
    expect(res.status).toBe(200)
    const analysis = AnalysisSchema.parse(await res.json())
    expect(analysis.document.text).toContain('Hezbollah is now capable')
    expect(analysis.attributions.length).toBeGreaterThan(0)
  })

  it.each([
    ['bad JSON', '{"text": "Salami said', 400, 'bad-json'],
    ['an empty body', '', 400, 'bad-json'],
    ['no text, html or url', '{"published":"2022-09-01"}', 400, 'bad-request'],
    ['both text and html', '{"text":"a","html":"<p>b</p>"}', 400, 'bad-request'],
    ['a date that is no date', '{"text":"Salami said so.","published":"2022-02-30"}', 400, 'bad-request'],
    ['a date in another form', '{"text":"Salami said so.","published":"1 Sep 2022"}', 400, 'bad-request'],
    ['an unknown field', '{"text":"Salami said so.","lang":"en"}', 400, 'bad-request'],
    ['text of white space only', '{"text":"   \\n  "}', 422, 'unprocessable'],
    ['a URL when fetching is off', '{"url":"https://example.com/a"}', 403, 'fetch-disabled'],
    ['a URL that is not http', '{"url":"file:///etc/passwd"}', 400, 'bad-request'],
  ])('refuses %s with a coded error', async (_name, body, status, code) => {
    const res = await post(body)
    expect(res.status).toBe(status)
    const json = (await res.json()) as { error: { code: string; message: string } }
    expect(json.error.code).toBe(code)
    expect(json.error.message.length).toBeGreaterThan(5)
  })

  it('refuses a body that is not sent as JSON (no cross-site form posts)', async () => {
    const res = await post(JSON.stringify({ text: 'Salami said so.' }), { 'content-type': 'text/plain' })
    expect(res.status).toBe(415)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unsupported-media-type')
  })

  it('refuses a body over the limit with 413 before analysing it', async () => {
    const res = await post(JSON.stringify({ text: 'Salami said the war is over. '.repeat(10_000) }))
    expect(res.status).toBe(413)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('too-large')
  })

  it('names the field of a validation error', async () => {
    const res = await post('{"text":"Salami said so.","published":"yesterday"}')
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^published: /)
  })
})

describe('corpus routes', () => {
  it('GET /api/documents/:id gives the stored analysis', async () => {
    const res = await app.request(`/api/documents/${storedId}`)
    expect(res.status).toBe(200)
    const doc = (await res.json()) as { document: { title: string; outlet: string }; stored: { id: number } }
    expect(doc.document.title).toBe('IRGC chief')
    expect(doc.document.outlet).toBe('Tasnim')
    expect(doc.stored.id).toBe(storedId)
  })

  it.each([
    ['/api/documents/999999', 404],
    ['/api/documents/abc', 400],
    ['/api/documents/-1', 400],
    ['/api/speakers/Nobody%20Atall', 404],
    ['/api/entities/Atlantis%20Republic', 404],
    ['/api/search?from=2022-13-01', 400],
    ['/api/search?mode=shouted', 400],
    ['/api/search?from=2022-09-02&to=2022-09-01', 400],
    ['/api/search?limit=0', 400],
    ['/api/nothing-here', 404],
  ])('GET %s answers %i with an error body', async (url, status) => {
    const res = await app.request(url)
    expect(res.status).toBe(status)
    expect(((await res.json()) as { error: { code: string } }).error.code).toMatch(/^[a-z-]+$/)
  })

  it('GET /api/search finds Salami’s statement with facets', async () => {
    const res = await app.request('/api/search?q=%22West%20Bank%22&speaker=Salami')
    expect(res.status).toBe(200)
    const result = (await res.json()) as {
      total: number
      hits: { kind: string; content: string; speaker: { name: string } | null }[]
      facets: { speaker: { label?: string; value: string }[]; outlet: { value: string }[] }
    }
    expect(result.total).toBeGreaterThan(0)
    expect(result.hits[0]?.content).toMatch(/West Bank/)
    expect(result.hits[0]?.speaker?.name).toBe('Hossein Salami')
    expect(result.facets.outlet.map((f) => f.value)).toContain('Tasnim')
  })

  it('GET /api/search?in=documents lists documents', async () => {
    const res = await app.request('/api/search?q=Hezbollah&in=documents')
    const result = (await res.json()) as { hits: { kind: string; documentId: number }[] }
    expect(result.hits).toEqual([expect.objectContaining({ kind: 'document', documentId: storedId })])
  })

  it('GET /api/speakers lists Salami; /api/speakers/:name gives his statements oldest first', async () => {
    const list = (await (await app.request('/api/speakers')).json()) as { speakers: { name: string }[] }
    expect(list.speakers.map((s) => s.name)).toContain('Hossein Salami')
    const res = await app.request('/api/speakers/Salami')
    expect(res.status).toBe(200)
    const profile = (await res.json()) as { name: string; items: { content: string; published: string }[] }
    expect(profile.name).toBe('Hossein Salami')
    expect(profile.items.length).toBeGreaterThan(3)
    expect(profile.items.every((s) => s.published === '2022-09-01')).toBe(true)
  })

  it("GET /api/techniques counts the stored article's techniques by voice, as its analysis has them", async () => {
    const analysis = (await store.getDocument(storedId))?.analysis
    expect(analysis).toBeDefined()
    const techniques = analysis?.techniques ?? []
    const ownVoice = techniques.filter((t) => t.attribution === null).length
    const quoted = techniques.filter((t) => {
      const a = analysis?.attributions.find((x) => x.id === t.attribution)
      return a?.speaker !== null && a?.speaker !== undefined
    }).length
    const uses = async (by: string) =>
      (
        (await (await app.request(`/api/techniques?by=${by}`)).json()) as { voices: { uses: number }[] }
      ).voices.reduce((n, v) => n + v.uses, 0)
    expect(await uses('outlet')).toBe(ownVoice)
    expect(await uses('speaker')).toBe(quoted)
    expect((await app.request('/api/techniques?by=nobody')).status).toBe(400)
  })

  it("GET /api/claims lists the stored article's claims most check-worthy first, with their speakers", async () => {
    const analysis = (await store.getDocument(storedId))?.analysis
    const claims = analysis?.claims ?? []
    expect(claims.length).toBeGreaterThan(1)
    type Hit = { claimId: string; start: number; end: number; text: string; checkworthiness: number }
    const get = async (query: string) =>
      (
        (await (await app.request(`/api/claims?${query}`)).json()) as {
          claims: (Hit & { speaker: { name: string } | null })[]
        }
      ).claims
    const all = await get('limit=200')
    expect(all.map((c) => c.claimId).sort()).toEqual(claims.map((c) => c.id).sort())
    const scores = all.map((c) => c.checkworthiness)
    expect([...scores].sort((a, b) => b - a)).toEqual(scores)
    for (const c of all) expect(c.text).toBe(analysis?.document.text.slice(c.start, c.end))
    const salami = await get('speaker=Salami&limit=200')
    expect(salami.length).toBeGreaterThan(0)
    expect(salami.every((c) => c.speaker?.name === 'Hossein Salami')).toBe(true)
    const strong = await get('min=0.9&limit=200')
    expect(strong).toEqual(all.filter((c) => c.checkworthiness >= 0.9))
    const zionist = await get('q=Zionist&limit=200')
    expect(zionist.length).toBeGreaterThan(0)
    expect(zionist).toEqual(all.filter((c) => /Zionist/.test(c.text)))
    for (const bad of ['min=2', 'min=high', 'from=2022-02-30', 'limit=0', 'from=2022-09-02&to=2022-09-01'])
      expect((await app.request(`/api/claims?${bad}`)).status).toBe(400)
  })

  it('GET /api/entities/:name gives the documents and statements that mention it', async () => {
    const res = await app.request('/api/entities/Gaza%20Strip')
    expect(res.status).toBe(200)
    const page = (await res.json()) as { documents: { total: number }; statements: { total: number } }
    expect(page.documents.total).toBe(1)
    expect(page.statements.total).toBeGreaterThan(0)
  })

  it('GET /api/health reports the corpus counts', async () => {
    const health = (await (await app.request('/api/health')).json()) as {
      ok: boolean
      store: { counts: { documents: number } }
    }
    expect(health).toMatchObject({ ok: true, store: { counts: { documents: 1 } } })
  })

  it('GET /api/schema gives the JSON Schema of analysis@1', async () => {
    const schema = (await (await app.request('/api/schema')).json()) as {
      properties: Record<string, unknown>
    }
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['document', 'attributions', 'times']),
    )
  })

  it('answers only to the allowed host names (no DNS rebinding)', async () => {
    const local = createApp({
      store,
      staticDir: null,
      allowedHosts: ['127.0.0.1', 'localhost'],
      log: () => {},
    })
    const ok = await local.request('http://127.0.0.1:8080/api/health')
    expect(ok.status).toBe(200)
    const rebound = await local.request('http://attacker.example:8080/api/health')
    expect(rebound.status).toBe(403)
    expect(((await rebound.json()) as { error: { code: string } }).error.code).toBe('bad-host')
  })

  it('answers 503 on corpus routes when started without a store', async () => {
    const bare = createApp({ staticDir: null, log: () => {} })
    const res = await bare.request('/api/search?q=x')
    expect(res.status).toBe(503)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('no-store')
  })
})
