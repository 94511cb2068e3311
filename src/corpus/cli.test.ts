/**
 * The corpus commands end to end, in process: output formats, filters and the errors a user sees.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli } from '../cli/main.js'
import {
  fixtureAnalysis,
  IRGC_PRESS_TV,
  IRGC_WIRE_COPY,
  KHAMENEHI_SPEECH,
} from '../store/contract-fixtures.js'
import { SqliteStore } from '../store/sqlite/sqlite-store.js'
import { analysedArticles } from '../store/store.contract.js'

const dir = mkdtempSync(path.join(tmpdir(), 'claimtrail-cli-'))
const db = path.join(dir, 'corpus.db')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

beforeAll(async () => {
  const store = await SqliteStore.open(db)
  for (const fixture of [IRGC_PRESS_TV, IRGC_WIRE_COPY, KHAMENEHI_SPEECH]) {
    await store.putDocument({ analysis: fixtureAnalysis(fixture) })
  }
  await store.close()
})

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk)
    return true
  })
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err += String(chunk)
    return true
  })
  try {
    const code = await runCli(['node', 'claimtrail', ...args])
    return { code, out, err }
  } finally {
    stdout.mockRestore()
    stderr.mockRestore()
  }
}

describe('corpus CLI', () => {
  it('search --format json gives hits with offsets and facets', async () => {
    const { code, out } = await cli('search', 'West Bank', '--db', db, '--format', 'json')
    expect(code).toBe(0)
    const result = JSON.parse(out) as {
      total: number
      hits: { content: string; contentStart: number }[]
      facets: { outlet: unknown[] }
    }
    expect(result.total).toBe(3)
    expect(result.hits[0]?.content).toMatch(/West Bank/)
    expect(result.facets.outlet).toHaveLength(2)
  })

  it('search --format csv writes a header and one line per hit', async () => {
    const { out } = await cli(
      'search',
      '--speaker',
      'Khamenei',
      '--mode',
      'direct',
      '--db',
      db,
      '--format',
      'csv',
    )
    const lines = out.trim().split('\r\n')
    const quote = '"We will not bow to threats, and the nation will stand firm,"'
    const start = KHAMENEHI_SPEECH.text.indexOf(quote)
    expect(lines[0]).toBe('score,date,outlet,speaker,mode,content,offsets,doc,copy_of,url')
    expect(lines.slice(1)).toEqual([
      `0.000,2022-10-05,IRNA,Ali Khamenehi,direct,"""We will not bow to threats, and the nation will stand firm,""",${start}-${start + quote.length},3,,https://example.org/irna/leader-talks`,
    ])
  })

  it('speakers --format jsonl counts a wire-copied quote once', async () => {
    const { out } = await cli('speakers', '--db', db, '--format', 'jsonl')
    const rows = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { name: string; statements: number; appearances: number })
    expect(rows[0]).toMatchObject({ name: 'Hossein Salami', statements: 3, appearances: 5 })
  })

  it('speaker NAME lists every statement in a table', async () => {
    const { code, out } = await cli('speaker', 'Salami', '--db', db, '--outlet', 'Tasnim')
    expect(code).toBe(0)
    expect(out).toMatch(/^Hossein Salami: 2 distinct statement\(s\), 2 appearance\(s\)/)
    expect(
      out
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('2022-09-02')),
    ).toHaveLength(2)
  })

  it.each([
    [['search', 'x', '--from', '2022-13-45'], 2, /--from must be a date as YYYY-MM-DD/],
    [['search', 'x', '--mode', 'sarcastic'], 2, /--mode must be one of direct, indirect, mixed/],
    [['speakers', '--by', 'week'], 2, /--by must be outlet, month or year/],
    [['speaker', 'Nobody Known'], 1, /no speaker called "Nobody Known"/],
    [['ingest', 'x.txt', '--queue'], 2, /--queue needs a PostgreSQL database/],
    [['worker'], 2, /worker needs a PostgreSQL database/],
  ])('rejects %j with exit %i and a clear message', async (args, code, message) => {
    const result = await cli(...args, '--db', db)
    expect(result.code).toBe(code)
    expect(result.err).toMatch(message)
  })

  it('says clearly when the database cannot be opened', async () => {
    const result = await cli('search', 'x', '--db', path.join(dir, 'no-such-folder', 'x.db'))
    expect(result.code).toBe(1)
    expect(result.err).toMatch(/cannot open SQLite database .*x\.db/)
  })
})

describe('claimtrail techniques and claims, on analysed articles', () => {
  const analysed = path.join(dir, 'analysed.db')

  beforeAll(async () => {
    const store = await SqliteStore.open(analysed)
    for (const analysis of analysedArticles()) await store.putDocument({ analysis })
    await store.close()
  })

  it('lists one row per voice and technique, as the store counts them, in every format', async () => {
    const store = await SqliteStore.open(analysed)
    const profiles = await store.techniques({ by: 'speaker' })
    await store.close()
    const { code, out } = await cli('techniques', '--db', analysed, '--format', 'jsonl')
    expect(code).toBe(0)
    const rows = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { voice: string; technique: string; uses: number })
    expect(rows.map((r) => [r.voice, r.technique, r.uses])).toEqual(
      profiles.flatMap((p) => p.techniques.map((t) => [p.name, t.technique, t.uses])),
    )
    expect(rows.length).toBeGreaterThan(0)
    const csv = await cli('techniques', '--db', analysed, '--by', 'outlet', '--format', 'csv')
    expect(csv.out.split('\r\n')[0]).toBe('outlet,technique,uses,documents')
  })

  it("prints a speaker's technique counts with their statements, and refuses an unknown --by", async () => {
    const store = await SqliteStore.open(analysed)
    const [top] = await store.techniques({ by: 'speaker', limit: 1 })
    await store.close()
    const { code, out } = await cli('speaker', top?.name ?? '', '--db', analysed)
    expect(code).toBe(0)
    const line = out.split('\n').find((l) => l.startsWith('techniques: ')) ?? ''
    for (const t of top?.techniques ?? []) expect(line).toContain(`${t.technique} ${t.uses} (in `)
    expect((await cli('techniques', '--db', analysed, '--by', 'nobody')).code).toBe(2)
  })

  const jsonl = <T>(out: string): T[] =>
    out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as T)

  it('claims lists the stored claims most check-worthy first, as the store ranks them, with filters', async () => {
    const store = await SqliteStore.open(analysed)
    const top = await store.claims()
    const asylum = await store.claims({ text: 'asylum', minCheckworthiness: 0.5, limit: 100 })
    await store.close()
    const all = await cli('claims', '--db', analysed, '--format', 'jsonl')
    expect(all.code).toBe(0)
    expect(jsonl(all.out)).toEqual(JSON.parse(JSON.stringify(top)))
    expect(top.length).toBe(20)
    const found = await cli(
      'claims',
      'asylum',
      '--min',
      '0.5',
      '--limit',
      '100',
      '--db',
      analysed,
      '--format',
      'jsonl',
    )
    expect(jsonl<{ text: string; checkworthiness: number }>(found.out)).toEqual(
      JSON.parse(JSON.stringify(asylum)),
    )
    expect(asylum.length).toBeGreaterThan(0)
    for (const claim of asylum) {
      expect(claim.text).toMatch(/asylum/i)
      expect(claim.checkworthiness).toBeGreaterThanOrEqual(0.5)
    }
  })

  it("claims prints a table and CSV with each claim's score, voice and offsets", async () => {
    const store = await SqliteStore.open(analysed)
    const [first] = await store.claims({ limit: 1 })
    const [ownVoice] = (await store.claims({ limit: 1000 })).filter((c) => c.attributionId === null)
    await store.close()
    const csv = await cli('claims', '--db', analysed, '--limit', '1', '--format', 'csv')
    const lines = csv.out.trim().split('\r\n')
    expect(lines[0]).toBe('score,date,outlet,speaker,claim,offsets,doc,copy_of,url')
    expect(lines[1]).toContain(`${first?.checkworthiness.toFixed(3)},${first?.published},`)
    expect(lines[1]).toContain(`,${first?.start}-${first?.end},${first?.documentId},`)
    const table = await cli('claims', '--db', analysed, '--outlet', ownVoice?.outlet ?? '', '--limit', '1000')
    expect(table.out.split('\n')[0]).toMatch(/^score\s+date\s+outlet\s+speaker\s+claim/)
    const at = new RegExp(`\\s${ownVoice?.start}-${ownVoice?.end}\\s+${ownVoice?.documentId}\\b`)
    const row = table.out.split('\n').find((l) => at.test(l)) ?? ''
    expect(row).toContain('(outlet)')
  })

  it.each([
    [['claims', '--min', '2'], /--min must be a number from 0 to 1, got "2"/],
    [['claims', '--from', '2015-02-30x'], /--from must be a date as YYYY-MM-DD/],
    [['claims', '--format', 'xml'], /--format must be table, json, csv or jsonl/],
  ])('claims refuses %j with exit 2 and a clear message', async (args, message) => {
    const result = await cli(...args, '--db', analysed)
    expect(result.code).toBe(2)
    expect(result.err).toMatch(message)
  })
})
