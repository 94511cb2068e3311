// Search benchmark (not a test): search latency on a large synthetic corpus. The BBC 2005 articles are
// analysed once (cached in the temp folder), then copied with varied ids, outlets, dates and a unique
// closing line until the store holds --documents articles; then a fixed mix of queries (free text,
// phrases, filters, facets, speaker views) runs and p50/p95/max are reported.
// Run `npm run build` first; usage:
//   node bench/corpus-search.mjs [--documents 100000] [--db FILE|postgres://…] [--runs 5]
import { createReadStream, createWriteStream, existsSync } from 'node:fs'
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

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : fallback
}
const target = Number(arg('documents', 100_000))
const runs = Number(arg('runs', 5))
const db = arg('db', path.join(os.tmpdir(), `claimtrail-bench-search-${target}.db`))
const data = process.env.CLAIMTRAIL_DATA ?? path.resolve(root, '..', 'shared', 'data')
const bbc = path.join(data, 'news', 'bbc-2005.jsonl')
const cache = path.join(os.tmpdir(), 'claimtrail-bench-bbc-analyses.jsonl')
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
        .then((done) => out.write(`${JSON.stringify(done.analysis)}\n`))
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

const OUTLETS = Array.from({ length: 40 }, (_, i) => `Outlet ${String.fromCharCode(65 + (i % 26))}${i}`)
const DAY = 86_400_000
const EPOCH = Date.UTC(2004, 0, 1)

/** Copy `i` of a base analysis: new id, outlet and date, and a closing line that makes its text unique. */
function variant(base, i) {
  const outlet = OUTLETS[i % OUTLETS.length]
  const published = new Date(EPOCH + ((i * 7919) % 7300) * DAY).toISOString().slice(0, 10)
  const text = `${base.document.text}\n\n(${outlet}, ${published}, ref ${i})`
  return {
    ...base,
    id: `syn-${i}`,
    document: { ...base.document, text, outlet, published, url: `https://example.org/${i}` },
  }
}

const store = await openStore(db)
let have = (await store.counts()).documents
if (have < target) {
  const analyses = await baseAnalyses()
  log(`filling ${db} from ${have} to ${target} documents…`)
  const began = process.hrtime.bigint()
  const startedAt = have
  for (let i = have; i < target; i++) {
    await store.putDocument({ analysis: variant(analyses[i % analyses.length], i) })
    if ((i + 1) % 10_000 === 0) {
      const s = Number(process.hrtime.bigint() - began) / 1e9
      log(`${i + 1} documents (${((i + 1 - startedAt) / s).toFixed(0)}/s)`)
    }
  }
  have = target
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
  ]) {
    await client.query(`VACUUM ANALYZE ${store.schema}.${table}`)
  }
  await client.end()
}
const counts = await store.counts()

const QUERIES = [
  ['rare word', { text: 'Chidambaram' }],
  ['common word', { text: 'government' }],
  ['two words', { text: 'interest rates' }],
  ['phrase', { text: '"interest rates"' }],
  ['or + exclusion', { text: 'oil OR gas -Yukos' }],
  ['speaker filter', { speaker: 'Blair' }],
  ['speaker + text', { text: 'election', speaker: 'Tony Blair' }],
  ['outlet + dates', { outlet: OUTLETS[3], from: '2010-01-01', to: '2012-12-31' }],
  ['text + outlet + dates', { text: 'economy', outlet: OUTLETS[7], from: '2015-01-01', to: '2020-12-31' }],
  ['mode direct + text', { text: 'music', mode: 'direct' }],
  ['entity filter', { entity: 'Microsoft' }],
  ['documents: common word', { text: 'government', target: 'documents' }],
  ['documents: phrase + outlet', { text: '"chief executive"', outlet: OUTLETS[11], target: 'documents' }],
]

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
const all = []
const allCpu = []
const rows = []
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
  rows.push(
    `| ${name} | ${total} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${times[times.length - 1].toFixed(1)} | ${percentile(cpu, 95).toFixed(1)} |`,
  )
}
for (const [name, query] of QUERIES) await measure(name, () => store.search(query))
await measure('speakers (top 20)', () => store.speakers())
await measure('speakers by outlet, one year', () =>
  store.speakers({ by: 'outlet', from: '2010-01-01', to: '2010-12-31' }),
)
await measure('speaker "Blair" (every statement)', () =>
  store.speaker('Blair', { from: '2010-01-01', to: '2010-12-31' }),
)
await store.close()
all.sort((a, b) => a - b)
allCpu.sort((a, b) => a - b)

process.stdout.write(
  [
    `corpus search: ${store.kind} ${store.location}, ${counts.documents} documents, ${counts.statements} statements, ` +
      `${runs} timed runs per query after one warm-up, load average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} core(s), node ${process.version}`,
    '',
    '| query | matches | p50 ms | p95 ms | max ms | p95 CPU ms |',
    '|---|---|---|---|---|---|',
    ...rows,
    `| **all queries** | | ${percentile(all, 50).toFixed(1)} | ${percentile(all, 95).toFixed(1)} | ${all[all.length - 1].toFixed(1)} | ${percentile(allCpu, 95).toFixed(1)} |`,
  ].join('\n') + '\n',
)
