// Ingest benchmark (not a test): the BBC 2005 corpus from ../shared/data through `ingestCorpus` into a
// fresh SQLite file, with full analysis on a worker-thread pool over every core (default) or
// `--threads N`, then the same batch again (every article a duplicate, skipped before analysis).
// Run `npm run build` first; usage: node bench/corpus-ingest.mjs [--threads N] [--limit N] [--preset full|fast]
import { existsSync, mkdtempSync, rmSync, statSync, createReadStream, createWriteStream } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dist = path.join(root, 'dist')
if (!existsSync(path.join(dist, 'corpus', 'ingest.js'))) {
  process.stderr.write('bench: dist/ is missing; run `npm run build` first\n')
  process.exit(1)
}
const { ingestCorpus } = await import(path.join(dist, 'corpus', 'ingest.js'))
const { SqliteStore } = await import(path.join(dist, 'store', 'sqlite', 'sqlite-store.js'))

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : fallback
}
const threads = Number(arg('threads', os.availableParallelism()))
const limit = Number(arg('limit', 0))
const preset = arg('preset', 'full')
const data = process.env.CLAIMTRAIL_DATA ?? path.resolve(root, '..', 'shared', 'data')
let file = path.join(data, 'news', 'bbc-2005.jsonl')
if (!existsSync(file)) {
  process.stderr.write(`bench: ${file} is missing (the BBC corpus from ../shared/data)\n`)
  process.exit(1)
}
const dir = mkdtempSync(path.join(os.tmpdir(), 'claimtrail-bench-ingest-'))
if (limit > 0) {
  const cut = path.join(dir, 'batch.jsonl')
  const out = createWriteStream(cut)
  let n = 0
  for await (const line of readline.createInterface({ input: createReadStream(file) })) {
    if (n++ >= limit) break
    out.write(`${line}\n`)
  }
  await new Promise((resolve) => out.end(resolve))
  file = cut
}

const db = path.join(dir, 'bench.db')
let peakRss = 0
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100)
try {
  const store = await SqliteStore.open(db)
  const first = await ingestCorpus([file], store, { threads, preset })
  const again = await ingestCorpus([file], store, { threads, preset })
  const counts = await store.counts()
  // The store's own share: write the same analyses into a second file, no analysis at all.
  const analyses = []
  for (let id = 1; id <= counts.documents; id++) {
    const doc = await store.getDocument(id)
    if (doc) analyses.push(doc.analysis)
  }
  await store.close()
  const copy = await SqliteStore.open(path.join(dir, 'store-only.db'))
  const began = process.hrtime.bigint()
  for (const analysis of analyses) await copy.putDocument({ analysis })
  const storeSeconds = Number(process.hrtime.bigint() - began) / 1e9
  await copy.close()
  clearInterval(sampler)
  const rate = (s) => (s.seen / s.seconds).toFixed(1)
  const lines = [
    `corpus ingest: ${path.basename(file)}, ${first.seen} articles, preset ${preset}, ${threads} analysis thread(s) on ${os.availableParallelism()} core(s), load average ${os.loadavg()[0].toFixed(1)}, node ${process.version}`,
    '',
    '| run | articles | stored | duplicates | failed | seconds | articles/s |',
    '|---|---|---|---|---|---|---|',
    `| first ingest | ${first.seen} | ${first.stored} | ${first.duplicates} | ${first.failed.length} | ${first.seconds.toFixed(1)} | ${rate(first)} |`,
    `| same batch again | ${again.seen} | ${again.stored} | ${again.duplicates} | ${again.failed.length} | ${again.seconds.toFixed(1)} | ${rate(again)} |`,
    `| store only (analyses written, hash and MinHash included) | ${analyses.length} | ${analyses.length} | 0 | 0 | ${storeSeconds.toFixed(1)} | ${(analyses.length / storeSeconds).toFixed(1)} |`,
    '',
    `store: ${counts.documents} documents, ${counts.statements} statements, ${counts.speakers} speakers, ${counts.nearDuplicates} near-duplicates; ` +
      `file ${(statSync(db).size / 1e6).toFixed(1)} MB; peak RSS of the main thread's process ${(peakRss / 1e6).toFixed(0)} MB`,
  ]
  process.stdout.write(`${lines.join('\n')}\n`)
} finally {
  clearInterval(sampler)
  rmSync(dir, { recursive: true, force: true })
}
