import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IngestError } from './errors.js'
import { readJsonl, type JsonlEntry } from './jsonl.js'

async function collect(source: Parameters<typeof readJsonl>[0], options = {}): Promise<JsonlEntry[]> {
  const entries: JsonlEntry[] = []
  for await (const entry of readJsonl(source, options)) entries.push(entry)
  return entries
}

const BATCH = [
  '{"id": 1, "text": "Salami said the response would be crushing.", "published": "2022-09-01"}',
  '',
  '{"id": "bbc-17", "html": "<p>Prices rose.</p>", "url": "https://www.bbc.co.uk/news/x", "outlet": "BBC"}',
  'not json at all',
  '{"id": "x3", "title": "No body"}',
  '{"text": "No id."}',
  '   ',
  '{"id": 7, "text": "Last line without newline."}',
].join('\n')

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimtrail-jsonl-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('readJsonl', () => {
  it('yields a record or an error per non-blank line, with line numbers, and goes on after errors', async () => {
    const path = join(dir, 'batch.jsonl')
    await writeFile(path, BATCH)
    expect(await collect(path)).toEqual([
      {
        lineNumber: 1,
        record: { id: '1', text: 'Salami said the response would be crushing.', published: '2022-09-01' },
      },
      {
        lineNumber: 3,
        record: {
          id: 'bbc-17',
          html: '<p>Prices rose.</p>',
          url: 'https://www.bbc.co.uk/news/x',
          outlet: 'BBC',
        },
      },
      { lineNumber: 4, error: expect.stringMatching(/^line 4: not valid JSON \(/) },
      { lineNumber: 5, error: 'line 5: needs a "text" or an "html" field' },
      { lineNumber: 6, error: expect.stringMatching(/^line 6: "id": /) },
      { lineNumber: 8, record: { id: '7', text: 'Last line without newline.' } },
    ])
  })

  it('reads a stream split at awkward places (inside a UTF-8 character, CRLF endings)', async () => {
    const bytes = Buffer.from('{"id":"a","text":"Zürich “votes”"}\r\n{"id":"b","text":"Ünal"}\r\n')
    const chunks = Array.from({ length: Math.ceil(bytes.length / 3) }, (_, i) =>
      bytes.subarray(i * 3, i * 3 + 3),
    )
    const entries = await collect(Readable.from(chunks))
    expect(entries).toEqual([
      { lineNumber: 1, record: { id: 'a', text: 'Zürich “votes”' } },
      { lineNumber: 2, record: { id: 'b', text: 'Ünal' } },
    ])
  })

  it('skips a line over the length limit without keeping it, and reads the next', async () => {
    const long = `{"id":"big","text":"${'x'.repeat(5000)}"}`
    const entries = await collect(Readable.from([`${long}\n{"id":"ok","text":"Fine."}\n`]), {
      maxLineBytes: 1000,
    })
    expect(entries).toEqual([
      { lineNumber: 1, error: 'line 1 is longer than 1000 bytes; skipped' },
      { lineNumber: 2, record: { id: 'ok', text: 'Fine.' } },
    ])
  })

  it('ignores a BOM on the first line', async () => {
    const entries = await collect(Readable.from([Buffer.from('\uFEFF{"id":1,"text":"Hi."}\n')]))
    expect(entries).toEqual([{ lineNumber: 1, record: { id: '1', text: 'Hi.' } }])
  })

  it('streams a large file line by line', async () => {
    const path = join(dir, 'large.jsonl')
    const line = `{"id":0,"text":"${'The minister said the budget was balanced. '.repeat(20)}"}\n`
    await writeFile(path, line.repeat(20_000))
    let count = 0
    for await (const entry of readJsonl(path)) if ('record' in entry) count++
    expect(count).toBe(20_000)
  })

  it('throws not-found for a missing file', async () => {
    await expect(collect(join(dir, 'missing.jsonl'))).rejects.toThrow(IngestError)
    await expect(collect(join(dir, 'missing.jsonl'))).rejects.toMatchObject({ code: 'not-found' })
  })
})
