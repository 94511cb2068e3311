// Search benchmark (not a test): search latency on a large synthetic corpus.
//
// The corpus: the BBC 2005 articles are analysed once with the full pipeline (cached in
// .tmp/bench/), then written through the store as --distinct variants (default 100,000), which are
// copied in SQL with new ids, outlets and dates until the store holds --documents (SQLite only:
// corpus-search-replicate.mjs says why and how). A
// variant keeps the analysis (entities, speakers, attributions, techniques: every span stays valid)
// and gets its own id, outlet (40, unevenly used), date (2004–2023) and text: 40% of its lower-case
// words are replaced by words of the same length drawn from the BBC vocabulary by frequency, so the
// FTS postings of a word grow like a real corpus's (common words everywhere, rare words in a few
// thousand documents) and variants are different stories to the near-duplicate detector. Every 20th
// variant is a light edit (3%) instead: a wire copy, linked to its story. Names are kept: the same
// people are quoted across the corpus, as in real news.
//
// Then a fixed mix of queries runs (words, phrases, OR/exclusions, speaker/entity/outlet/date/mode
// filters, documents, paging, speaker, technique and claim views), each --runs times after a warm-up, and
// p50/p95/p99 are reported per query and over the whole mix (wall time, and CPU time of this process).
// Run `npm run build` first; usage:
//   node bench/corpus-search.mjs [--documents 1000000] [--distinct 100000] [--db FILE|postgres://…] [--runs 20] [--batch 1000]
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dist = path.join(root, 'dist')
if (!existsSync(path.join(dist, 'store', 'open-store.js'))) {
  process.stderr.write('bench: dist/ is missing; run `npm run build` first\n')
  process.exit(1)
}
const { openStore } = await import(path.join(dist, 'store', 'open-store.js'))
const { startPool } = await import(path.join(dist, 'corpus', 'pool.js'))
const { restoreAnalysis } = await import(path.join(dist, 'store', 'rows.js'))

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : fallback
}
const target = Number(arg('documents', 1_000_000))
const runs = Number(arg('runs', 20))
const batchSize = Number(arg('batch', 1000))
// Documents written through the store; the rest are SQL copies of them (corpus-search-replicate.mjs).
const distinct = Number(arg('distinct', 100_000))
const work = path.join(root, '.tmp', 'bench')
mkdirSync(work, { recursive: true })
const db = arg('db', path.join(work, `search-${target}.db`))
const data = process.env.CLAIMTRAIL_DATA ?? path.resolve(root, '..', 'shared', 'data')
const bbc = path.join(data, 'news', 'bbc-2005.jsonl')
const cache = path.join(work, 'bbc-analyses.jsonl')
const log = (message) => process.stderr.write(`bench: ${message}\n`)

/** The BBC articles analysed once with the full pipeline on every core, cached as JSONL. */
async function baseAnalyses() {
  if (!existsSync(cache)) {
    if (!existsSync(bbc)) {
      log(`${bbc} is missing (the BBC corpus from ../shared/data)`)
      process.exit(1)
    }
    log('analysing the BBC corpus once (cached for later runs)…')
    const pool = startPool()
    const out = createWriteStream(cache)
    const pending = new Set()
    for await (const line of readline.createInterface({ input: createReadStream(bbc) })) {
      if (!line.trim()) continue
      const record = JSON.parse(line)
      const task = pool
        .analyze({
          input: { id: record.id, text: record.text, meta: { title: record.title } },
          preset: 'full',
        })
        .then(({ rows }) =>
          out.write(`${JSON.stringify(restoreAnalysis(rows.document.analysisJson, rows.document.text))}\n`),
        )
      pending.add(task)
      void task.finally(() => pending.delete(task))
      if (pending.size >= pool.threads * 4) await Promise.race(pending)
    }
    await Promise.all(pending)
    await pool.close()
    await new Promise((resolve) => out.end(resolve))
  }
  const analyses = []
  for await (const line of readline.createInterface({ input: createReadStream(cache) })) {
    if (line.trim()) analyses.push(JSON.parse(line))
  }
  return analyses
}

// The outlets variants get (corpus-search-variants.mjs makes them the same way).
const OUTLETS = Array.from({ length: 40 }, (_, i) => `Outlet ${String.fromCharCode(65 + (i % 26))}${i}`)

/**
 * Fills the store up to `target` documents. Variants are made and turned into rows on a worker thread
 * (two batches ahead), so this thread only writes; a second run continues where the first stopped.
 */
async function fill(store, have, target) {
  await baseAnalyses()
  const { Worker } = await import('node:worker_threads')
  const worker = new Worker(new URL('./corpus-search-variants.mjs', import.meta.url), {
    workerData: {
      distRows: path.join(dist, 'store', 'rows.js'),
      cache,
      have,
      batchSize,
    },
  })
  const batches = []
  let wake = null
  worker.on('message', (batch) => {
    batches.push(batch)
    wake?.()
  })
  worker.postMessage('next')
  worker.postMessage('next')
  log(`filling ${db} from ${have} to ${target} documents, ${batchSize} per transaction…`)
  const began = process.hrtime.bigint()
  const startedAt = have
  let nextReport = Math.ceil((have + 1) / 50_000) * 50_000
  while (have < target) {
    while (!batches.length) await new Promise((resolve) => (wake = resolve))
    const batch = batches.shift()
    worker.postMessage('next')
    const results = await store.putDocuments(batch.slice(0, target - have).map((rows) => ({ rows })))
    for (const r of results) {
      if (r.status === 'stored') have++
      else if (r.status === 'failed') throw r.error
    }
    if (have >= nextReport || have >= target) {
      const s = Number(process.hrtime.bigint() - began) / 1e9
      log(
        `${have} documents (${((have - startedAt) / s).toFixed(0)}/s, RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB)`,
      )
      nextReport += 50_000
    }
  }
  await worker.terminate()
}

let store = await openStore(db)
const have = (await store.counts()).documents
if (have < Math.min(distinct, target)) await fill(store, have, Math.min(distinct, target))
if ((await store.counts()).documents < target) {
  if (store.kind !== 'sqlite') {
    log('--documents above --distinct needs a SQLite store (copies are made in SQL)')
    process.exit(1)
  }
  await store.close()
  const { replicate } = await import('./corpus-search-replicate.mjs')
  replicate(db, target, log)
  store = await openStore(db)
}
if (store.kind === 'postgres') {
  // A freshly bulk-loaded table has no statistics and no visibility map: what autovacuum does in time.
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: db.replace(/[?&]schema=[^&]*/, '') })
  await client.connect()
  for (const table of [
    'documents',
    'statements',
    'statement_entities',
    'document_entities',
    'speaker_names',
    'speaker_stats',
    'techniques',
  ]) {
    await client.query(`VACUUM ANALYZE ${store.schema}.${table}`)
  }
  await client.end()
}
const counts = await store.counts()

const QUERIES = [
  ['rare word', { text: 'Chidambaram' }],
  ['common word', { text: 'government' }],
  ['very common word', { text: 'said' }],
  ['two words', { text: 'interest rates' }],
  ['phrase', { text: '"interest rates"' }],
  ['or + exclusion', { text: 'oil OR gas -Yukos' }],
  ['common word, page 3', { text: 'government', offset: 40 }],
  ['speaker filter', { speaker: 'Blair' }],
  ['speaker + text', { text: 'election', speaker: 'Tony Blair' }],
  ['outlet + dates', { outlet: OUTLETS[3], from: '2010-01-01', to: '2012-12-31' }],
  ['text + outlet + dates', { text: 'economy', outlet: OUTLETS[7], from: '2015-01-01', to: '2020-12-31' }],
  ['text + one month', { text: 'market', from: '2018-03-01', to: '2018-03-31' }],
  ['mode direct + text', { text: 'music', mode: 'direct' }],
  ['entity filter', { entity: 'Microsoft' }],
  ['entity + text', { text: 'software', entity: 'Microsoft' }],
  ['documents: common word', { text: 'government', target: 'documents' }],
  ['documents: phrase + outlet', { text: '"chief executive"', outlet: OUTLETS[11], target: 'documents' }],
  ['documents: word + year', { text: 'film', from: '2009-01-01', to: '2009-12-31', target: 'documents' }],
]

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
const all = []
const allCpu = []
const rows = []
/** The search mix alone (the target's p95), apart from the speaker and technique views. */
const searchWall = []
const searchCpu = []
/** Wall time, and the CPU time of this process (on a shared machine, wall time includes waiting for a core). */
async function measure(name, fn) {
  await fn() // warm: first call pays for prepared statements and a cold cache
  const times = []
  const cpu = []
  let result
  for (let r = 0; r < runs; r++) {
    const c = process.cpuUsage()
    const t = process.hrtime.bigint()
    result = await fn()
    times.push(Number(process.hrtime.bigint() - t) / 1e6)
    const used = process.cpuUsage(c)
    cpu.push((used.user + used.system) / 1000)
  }
  times.sort((a, b) => a - b)
  cpu.sort((a, b) => a - b)
  all.push(...times)
  allCpu.push(...cpu)
  const total = result?.total ?? (Array.isArray(result) ? result.length : (result?.appearances ?? 0))
  const f = (x) => x.toFixed(1)
  rows.push(
    `| ${name} | ${total} | ${f(percentile(times, 50))} | ${f(percentile(times, 95))} | ${f(percentile(times, 99))} | ${f(percentile(cpu, 95))} |`,
  )
}
for (const [name, query] of QUERIES) await measure(name, () => store.search(query))
searchWall.push(...all)
searchCpu.push(...allCpu)
searchWall.sort((a, b) => a - b)
searchCpu.sort((a, b) => a - b)
await measure('speakers (top 20)', () => store.speakers())
await measure('speakers by outlet, one year', () =>
  store.speakers({ by: 'outlet', from: '2010-01-01', to: '2010-12-31' }),
)
await measure('speaker "Blair", one year', () =>
  store.speaker('Blair', { from: '2010-01-01', to: '2010-12-31' }),
)
await measure('techniques by speaker, one year', () =>
  store.techniques({ by: 'speaker', from: '2010-01-01', to: '2010-12-31' }),
)
await measure('techniques of one outlet', () => store.techniques({ by: 'outlet', outlet: OUTLETS[5] }))
await measure('claims: most check-worthy', () => store.claims({}))
await measure('claims: word, most check-worthy', () => store.claims({ text: 'economy' }))
await measure('claims: speaker, one year', () =>
  store.claims({ speaker: 'Blair', from: '2010-01-01', to: '2010-12-31' }),
)
await store.close()
all.sort((a, b) => a - b)
allCpu.sort((a, b) => a - b)
const size = store.kind === 'sqlite' && existsSync(db) ? ` (${(statSync(db).size / 1e9).toFixed(1)} GB)` : ''

process.stdout.write(
  [
    `corpus search: ${store.kind} ${store.location}${size}, ${counts.documents} documents, ${counts.statements} statements, ` +
      `${runs} timed runs per query after one warm-up, load average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} core(s), node ${process.version}`,
    '',
    '| query | matches | p50 ms | p95 ms | p99 ms | p95 CPU ms |',
    '|---|---|---|---|---|---|',
    ...rows,
    `| **search mix** (the first ${QUERIES.length}) | | ${percentile(searchWall, 50).toFixed(1)} | ${percentile(searchWall, 95).toFixed(1)} | ${percentile(searchWall, 99).toFixed(1)} | ${percentile(searchCpu, 95).toFixed(1)} |`,
    `| **all queries** | | ${percentile(all, 50).toFixed(1)} | ${percentile(all, 95).toFixed(1)} | ${percentile(all, 99).toFixed(1)} | ${percentile(allCpu, 95).toFixed(1)} |`,
  ].join('\n') + '\n',
)
