import { readFileSync } from 'node:fs'
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IngestError } from './errors.js'
import { ingestSource, toDocumentInput } from './index.js'

const FIXTURES = new URL('../../test/fixtures/ingest/', import.meta.url)
const NEWS = readFileSync(new URL('news-article.html', FIXTURES))
const TEXT =
  'IRGC chief warns Israel\n\nMajor General Hossein Salami said on Tuesday that the response would be crushing.\n'

let dir: string
let server: Server
let base: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimtrail-ingest-'))
  server = createServer((req, res) => {
    if (req.url === '/story') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(NEWS)
    } else if (req.url === '/story.txt') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
      res.end(TEXT)
    } else {
      res.writeHead(404)
      res.end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await rm(dir, { recursive: true, force: true })
})

async function failure(promise: Promise<unknown>): Promise<IngestError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof IngestError) return error
    throw error
  }
  throw new Error('expected an IngestError')
}

describe('ingestSource', () => {
  it('reads an HTML file, detected by extension', async () => {
    const path = join(dir, 'story.html')
    await writeFile(path, NEWS)
    const doc = await ingestSource(path)
    expect(doc.blocks?.[0]?.kind).toBe('title')
    expect(doc.meta?.published).toBe('2023-03-14')
  })

  it('sniffs HTML in a file without an extension', async () => {
    const path = join(dir, 'story')
    await writeFile(path, NEWS)
    expect((await ingestSource(path)).meta?.outlet).toBe('The Harbour Herald')
  })

  it('reads a text file with a title line and a published override', async () => {
    const path = join(dir, 'story.txt')
    await writeFile(path, TEXT)
    const doc = await ingestSource(path, { titleFirstLine: true, published: 'September 1, 2022' })
    expect(doc.text).toBe(TEXT)
    expect(doc.blocks?.map((b) => b.kind)).toEqual(['title', 'paragraph'])
    expect(doc.meta).toMatchObject({ title: 'IRGC chief warns Israel', published: '2022-09-01' })
  })

  it("reads stdin for '-'", async () => {
    const doc = await ingestSource('-', {
      stdin: Readable.from([Buffer.from(TEXT.slice(0, 30)), Buffer.from(TEXT.slice(30))]),
    })
    expect(doc.text).toBe(TEXT)
  })

  it('stops reading stdin at the size limit', async () => {
    const chunks = (function* () {
      for (let i = 0; i < 1000; i++) yield Buffer.alloc(64 * 1024, 0x61)
    })()
    const error = await failure(ingestSource('-', { stdin: Readable.from(chunks), maxBytes: 1024 * 1024 }))
    expect(error.code).toBe('too-large')
    expect(error.message).toBe('stdin is over the 1 MB limit')
  })

  it('fetches a URL and uses the final URL as meta.url', async () => {
    const doc = await ingestSource(`${base}/story`, { published: '2023-03-15' })
    expect(doc.meta).toMatchObject({
      url: `${base}/story`,
      published: '2023-03-15',
      outlet: 'The Harbour Herald',
    })
  })

  it('reads a plain-text URL as text', async () => {
    const doc = await ingestSource(`${base}/story.txt`)
    expect(doc.text).toBe(TEXT)
    expect(doc.meta?.url).toBe(`${base}/story.txt`)
  })

  it('rejects a 50 MB file by its size, without reading it', async () => {
    const path = join(dir, 'huge.txt')
    await writeFile(path, '')
    await truncate(path, 50 * 1024 * 1024)
    const error = await failure(ingestSource(path))
    expect(error.code).toBe('too-large')
    expect(error.message).toBe(`${path} is 50 MB, over the 20 MB limit`)
  })

  it.each([
    ['a missing file', () => join(dir, 'nope.html'), 'not-found'],
    ['a directory', () => dir, 'unreadable'],
    ['a JSONL batch', () => join(dir, 'batch.jsonl'), 'unsupported'],
    ['a URL that answers 404', () => `${base}/gone`, 'http-status'],
  ])('refuses %s', async (_, source, code) => {
    expect((await failure(ingestSource(source()))).code).toBe(code)
  })

  it('refuses an unreadable --published value', async () => {
    const path = join(dir, 'p.txt')
    await writeFile(path, TEXT)
    const error = await failure(ingestSource(path, { published: '01/09/2022' }))
    expect(error.code).toBe('bad-option')
  })
})

describe('toDocumentInput', () => {
  it('takes text as is, with the record id and metadata', () => {
    const doc = toDocumentInput({
      id: '42',
      text: TEXT,
      published: '2022-09-01T10:00:00Z',
      outlet: 'Tasnim',
      url: 'https://tasnimnews.com/x',
    })
    expect(doc).toMatchObject({
      id: '42',
      text: TEXT,
      meta: { published: '2022-09-01', outlet: 'Tasnim', url: 'https://tasnimnews.com/x' },
    })
  })

  it('extracts HTML and lets record fields override the page', () => {
    const doc = toDocumentInput({
      id: 'h1',
      html: NEWS.toString(),
      title: 'Strike halts exports',
      published: '2023-03-13',
    })
    expect(doc.meta).toMatchObject({
      title: 'Strike halts exports',
      published: '2023-03-13',
      outlet: 'The Harbour Herald',
    })
  })

  it('reports an unreadable record date and keeps the page date', () => {
    const doc = toDocumentInput({ id: 'h2', html: NEWS.toString(), published: 'sometime' })
    expect(doc.meta?.published).toBe('2023-03-14')
    expect(doc.diagnostics?.map((d) => d.rule)).toContain('published-unreadable')
  })
})
