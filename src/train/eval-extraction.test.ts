import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ClaimtrailError } from '../errors.js'
import { evalExtraction, formatExtractionEval } from './eval-extraction.js'

const FIXTURES = new URL('../../test/fixtures/ingest/', import.meta.url)
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimtrail-extraction-'))
  await mkdir(join(dir, 'html'))
  const pages = [
    {
      id: 'news',
      file: 'news-article.html',
      url: 'https://www.harbourherald.example/business/2023/03/14/port-strike-grain-exports',
      with: ['Talks are due to resume on Thursday', 'Farmers count the cost', 'a snippet that is not there'],
      without: ['Privacy policy', 'Subscribe today'],
      date: '2023-03-14',
      title: 'Port strike halts grain exports as talks collapse',
      author: 'Maria Okafor',
    },
    {
      id: 'live',
      file: 'live-blog.html',
      url: 'https://coastline.example/live',
      with: ['Governor Ruth Calloway has extended'],
      without: ['Most read', 'Power cut to 400,000 homes'],
      date: '2024-10-10',
    },
  ]
  const manifest = []
  for (const page of pages) {
    const html = await readFile(new URL(page.file, FIXTURES))
    await writeFile(join(dir, 'html', `${page.id}.html.gz`), gzipSync(html))
    const { file: _, ...row } = page
    manifest.push(JSON.stringify({ ...row, html_file: `html/${page.id}.html.gz` }))
  }
  await writeFile(join(dir, 'manifest.jsonl'), manifest.join('\n'))
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('evalExtraction', () => {
  it('counts snippets found and leaked, and scores metadata', async () => {
    const result = await evalExtraction({ dir, baseline: true })
    expect(result.pages).toBe(2)
    expect(result.ours).toMatchObject({
      truePositives: 3,
      falseNegatives: 1,
      falsePositives: 1,
      trueNegatives: 3,
    })
    expect(result.ours.precision).toBeCloseTo(0.75)
    expect(result.ours.recall).toBeCloseTo(0.75)
    expect(result.metadata).toEqual({
      date: { correct: 1, total: 2 },
      title: { correct: 1, total: 1 },
      author: { correct: 1, total: 1 },
    })
    expect(result.readability?.truePositives).toBeGreaterThan(0)
    expect(result.worst.map((w) => w.id)).toEqual(['news', 'live'])
    expect(formatExtractionEval(result)).toContain('claimtrail   P 75.0  R 75.0  F1 75.0')
  })

  it('honours the limit', async () => {
    expect((await evalExtraction({ dir, limit: 1 })).pages).toBe(1)
  })

  it('fails with CT0401 when the data folder is missing', async () => {
    await expect(evalExtraction({ dir: join(dir, 'nope') })).rejects.toThrow(ClaimtrailError)
  })
})
