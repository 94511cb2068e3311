// Worker thread of bench/corpus-search.mjs: makes the synthetic variants of the BBC analyses and turns
// them into store rows (text, hash, MinHash, keys), so the main thread only writes. Answers each
// 'next' message with the next batch; see corpus-search.mjs for what a variant is.
import path from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'

const { distRows, cache, have, batchSize } = workerData
const { contentHash, documentRows } = await import(distRows)
// a seeded generator (mulberry32), so variant i is the same on every run
const { seededRandom: random } = await import(
  path.join(path.dirname(distRows), '..', 'nlp', 'learn', 'seeded-random.js')
)
const { readFileSync } = await import('node:fs')

const analyses = readFileSync(cache, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line))

const OUTLETS = Array.from({ length: 40 }, (_, i) => `Outlet ${String.fromCharCode(65 + (i % 26))}${i}`)
const DAY = 86_400_000
const EPOCH = Date.UTC(2004, 0, 1)
const DAYS = 7305 // 2004-01-01 … 2023-12-31
const LOWER_WORD = /\b[a-z]+\b/g

// Every lower-case word occurrence of the base texts, grouped by length: drawing one is drawing by frequency.
const vocabulary = []
for (const a of analyses) {
  for (const word of a.document.text.match(LOWER_WORD) ?? []) (vocabulary[word.length] ??= []).push(word)
}

/** Variant `i` of a base analysis: its own id, outlet, date and text (words swapped for same-length ones). */
function variant(base, i) {
  const rnd = random(i * 2654435761)
  // Outlets used unevenly (a few large, many small), as in a real corpus.
  const outlet = OUTLETS[Math.floor(OUTLETS.length * rnd() ** 2)]
  const published = new Date(EPOCH + Math.floor(rnd() * DAYS) * DAY).toISOString().slice(0, 10)
  const share = i % 20 === 0 ? 0.03 : 0.4
  const text = base.document.text.replace(LOWER_WORD, (word) => {
    if (rnd() >= share) return word
    const bucket = vocabulary[word.length]
    return bucket ? bucket[Math.floor(rnd() * bucket.length)] : word
  })
  return {
    ...base,
    id: `syn-${i}`,
    document: { ...base.document, text, outlet, published, url: `https://example.org/${i}` },
  }
}

// The variant to make next: past those stored already. The first round copies the bases unchanged, and
// the BBC corpus holds some exact duplicates, which the store skipped.
let next = 0
{
  const seen = new Set()
  for (let stored = 0; stored < have; next++) {
    if (next >= analyses.length) {
      next += have - stored
      break
    }
    const hash = contentHash(analyses[next].document.text)
    if (!seen.has(hash)) stored++
    seen.add(hash)
  }
}
parentPort.on('message', () => {
  const batch = []
  for (let n = 0; n < batchSize; n++, next++) {
    batch.push(documentRows({ analysis: variant(analyses[next % analyses.length], next) }))
  }
  parentPort.postMessage(batch)
})
