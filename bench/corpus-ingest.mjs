// Ingest benchmark (not a test): the BBC 2005 corpus from ../shared/data through `ingestCorpus` into a
// fresh SQLite file, with full analysis on a worker-thread pool over every core (default) or
// `--threads N`, then the same batch again (every article a duplicate, skipped before analysis), and
// the CPU the first ingest took (all threads, and split: the main thread, the pool's threads, and the
// threads V8 runs its compiler and GC on, from /proc on Linux): the VM's speed moves by a third from
// hour to hour, so compare CPU per article, or runs taken in turns, rather than two rates.
//
// Then where the time goes, each part measured alone on this thread, per article:
//   analysis     the pipeline (`--preset`), what each pool thread does first: timed twice over the
//                same articles, cold (new word types, JIT) and again
//   rows         turning the analysis into store rows (JSON, hash, MinHash, keys): also on the pool
//   clone        structured clone of the rows (what crosses from a pool thread to the main thread),
//                and of the analysis object for comparison
//   store        writing prepared rows in batches of 64 (what ingest does), and one per transaction
// With `--copies N`, the batch is the corpus N times over (each copy's text made unique by a closing
// line): a longer run to watch the main thread's memory, sampled every 100 ms.
// Run `npm run build` first; usage:
//   node bench/corpus-ingest.mjs [--threads N] [--limit N] [--preset full|fast] [--copies N]
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs'
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
const { pipelineFor } = await import(path.join(dist, 'analyze.js'))
const { documentRows } = await import(path.join(dist, 'store', 'rows.js'))
const { SqliteStore } = await import(path.join(dist, 'store', 'sqlite', 'sqlite-store.js'))

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : fallback
}
const threads = Number(arg('threads', os.availableParallelism()))
const limit = Number(arg('limit', 0))
const copies = Number(arg('copies', 1))
const preset = arg('preset', 'full')
const data = process.env.CLAIMTRAIL_DATA ?? path.resolve(root, '..', 'shared', 'data')
const bbc = path.join(data, 'news', 'bbc-2005.jsonl')
if (!existsSync(bbc)) {
  process.stderr.write(`bench: ${bbc} is missing (the BBC corpus from ../shared/data)\n`)
  process.exit(1)
}
const dir = mkdtempSync(path.join(os.tmpdir(), 'claimtrail-bench-ingest-'))
const records = []
for await (const line of readline.createInterface({ input: createReadStream(bbc) })) {
  if (line.trim() && (limit <= 0 || records.length < limit)) records.push(JSON.parse(line))
}
const file = path.join(dir, 'batch.jsonl')
{
  const out = createWriteStream(file)
  for (let c = 0; c < copies; c++) {
    for (const r of records) {
      const text = c === 0 ? r.text : `${r.text}\n\n(copy ${c})`
      out.write(`${JSON.stringify({ ...r, id: `${r.id}-${c}`, text })}\n`)
    }
  }
  await new Promise((resolve) => out.end(resolve))
}

/** CPU seconds of each thread of this process so far, by thread id, from /proc (empty where there is none). */
function threadCpuSeconds() {
  const cpu = new Map()
  let tids = []
  try {
    tids = readdirSync('/proc/self/task')
  } catch {
    return cpu
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      cpu.set(tid, (Number(fields[11]) + Number(fields[12])) / 100)
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return cpu
}

/**
 * Watches every thread's CPU while `run` runs (a pool thread's counts are gone once it exits, so the
 * last reading of each is kept) and splits it: the main thread; the threads started meanwhile (the
 * pool's); the threads there before (V8's compiler and GC helpers, libuv's). No split without /proc.
 */
async function cpuByThread(run) {
  const before = threadCpuSeconds()
  const last = new Map(before)
  const read = () => {
    for (const [tid, seconds] of threadCpuSeconds()) last.set(tid, seconds)
  }
  const timer = setInterval(read, 50)
  const result = await run()
  clearInterval(timer)
  read()
  if (!before.size) return { result, split: null }
  const split = { main: 0, pool: 0, helpers: 0 }
  for (const [tid, seconds] of last) {
    const used = seconds - (before.get(tid) ?? 0)
    if (tid === String(process.pid)) split.main += used
    else if (before.has(tid)) split.helpers += used
    else split.pool += used
  }
  return { result, split }
}

// A Node global the lint config does not list.
const { structuredClone } = globalThis
const seconds = (t) => Number(process.hrtime.bigint() - t) / 1e9
const perArticle = (s, n) => `${((s / n) * 1000).toFixed(2)} ms`
// RSS counts the pool threads' heaps and the pages of the database file mapped for reads (up to
// the store's mmap size): both level off. The main thread's own heap is what unbounded queues would grow.
let peakRss = 0
const rssSamples = []
const heapSamples = []
const sampler = setInterval(() => {
  const { rss, heapUsed } = process.memoryUsage()
  peakRss = Math.max(peakRss, rss)
  rssSamples.push(rss)
  heapSamples.push(heapUsed)
}, 100)
try {
  const db = path.join(dir, 'bench.db')
  const store = await SqliteStore.open(db)
  // CPU of every thread, and of each kind of thread (Linux): the machine's speed moves from run to run;
  // CPU per article shows the work itself, and where it is done.
  const cpuBefore = process.cpuUsage()
  const { result: first, split: threadsFirst } = await cpuByThread(() =>
    ingestCorpus([file], store, { threads, preset }),
  )
  const cpuFirst = process.cpuUsage(cpuBefore)
  const rssDuringIngest = [...rssSamples]
  const heapDuringIngest = [...heapSamples]
  const again = await ingestCorpus([file], store, { threads, preset })
  const counts = await store.counts()
  await store.close()
  clearInterval(sampler)

  // The parts alone, on this thread, over the first `sample` articles.
  const sample = records.slice(0, Math.min(records.length, 300))
  const tasks = sample.map((r) => ({ input: { id: r.id, text: r.text, meta: { title: r.title } }, preset }))
  pipelineFor(preset, { validate: false }).run(tasks[0].input) // warm
  let t = process.hrtime.bigint()
  const analyses = tasks.map((task) => pipelineFor(preset, { validate: false }).run(task.input))
  const analysisS = seconds(t)
  // The same articles again: the first run pays for the entity tagger's new word types and the JIT,
  // as each pool thread does over its first articles; this one is the settled cost.
  t = process.hrtime.bigint()
  for (const task of tasks) pipelineFor(preset, { validate: false }).run(task.input)
  const analysisWarmS = seconds(t)
  t = process.hrtime.bigint()
  const prepared = analyses.map((analysis) => documentRows({ analysis }))
  const rowsS = seconds(t)
  t = process.hrtime.bigint()
  for (const rows of prepared) structuredClone(rows)
  const cloneRowsS = seconds(t)
  t = process.hrtime.bigint()
  for (const analysis of analyses) structuredClone(analysis)
  const cloneAnalysisS = seconds(t)
  // Store alone: the analysed articles written again and again as distinct documents.
  const storeDocs = []
  for (let i = 0; storeDocs.length < 2000; i++) {
    const a = analyses[i % analyses.length]
    storeDocs.push({
      ...a,
      id: `store-${i}`,
      document: { ...a.document, text: `${a.document.text}\n\n(${i})` },
    })
  }
  const storeRows = storeDocs.map((analysis) => documentRows({ analysis }))
  const batched = await SqliteStore.open(path.join(dir, 'store-batched.db'))
  t = process.hrtime.bigint()
  for (let i = 0; i < storeRows.length; i += 64) {
    await batched.putDocuments(storeRows.slice(i, i + 64).map((rows) => ({ rows })))
  }
  const storeBatchedS = seconds(t)
  await batched.close()
  const single = await SqliteStore.open(path.join(dir, 'store-single.db'))
  t = process.hrtime.bigint()
  for (const rows of storeRows) await single.putDocument({ rows })
  const storeSingleS = seconds(t)
  await single.close()

  const rate = (s) => (s.seen / s.seconds).toFixed(1)
  const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`
  const quarter = Math.floor(rssDuringIngest.length / 4)
  const lines = [
    `corpus ingest: BBC 2005 × ${copies}, ${first.seen} articles, preset ${preset}, ${threads} analysis thread(s) on ${os.availableParallelism()} core(s), load average ${os.loadavg()[0].toFixed(1)}, node ${process.version}`,
    '',
    '| run | articles | stored | duplicates | failed | seconds | articles/s |',
    '|---|---|---|---|---|---|---|',
    `| first ingest | ${first.seen} | ${first.stored} | ${first.duplicates} | ${first.failed.length} | ${first.seconds.toFixed(1)} | ${rate(first)} |`,
    `| same batch again | ${again.seen} | ${again.stored} | ${again.duplicates} | ${again.failed.length} | ${again.seconds.toFixed(1)} | ${rate(again)} |`,
    '',
    `CPU during the first ingest, all threads: ${((cpuFirst.user + cpuFirst.system) / 1e6).toFixed(1)} s, ` +
      `${perArticle((cpuFirst.user + cpuFirst.system) / 1e6, first.seen)} an article. ` +
      (threadsFirst
        ? `By thread, an article: main (reads, store writes) ${perArticle(threadsFirst.main, first.seen)}, ` +
          `pool (analysis, rows) ${perArticle(threadsFirst.pool, first.seen)}, ` +
          `threads there before (V8's compiler and GC helpers) ${perArticle(threadsFirst.helpers, first.seen)}`
        : 'Not split by thread (no /proc here).'),
    '',
    `where the time goes, per article, each part alone on one thread (${sample.length} articles; store: ${storeRows.length}):`,
    '',
    '| part | thread | per article |',
    '|---|---|---|',
    `| analysis (${preset} pipeline), first run in this thread | pool | ${perArticle(analysisS, sample.length)} |`,
    `| analysis, the same articles again | pool | ${perArticle(analysisWarmS, sample.length)} |`,
    `| rows (JSON, hash, MinHash, keys) | pool | ${perArticle(rowsS, sample.length)} |`,
    `| structured clone of the rows | pool → main | ${perArticle(cloneRowsS, sample.length)} |`,
    `| (structured clone of the analysis, before) | | ${perArticle(cloneAnalysisS, sample.length)} |`,
    `| store, batches of 64 | main | ${perArticle(storeBatchedS, storeRows.length)} |`,
    `| (store, one transaction each) | | ${perArticle(storeSingleS, storeRows.length)} |`,
    '',
    `store: ${counts.documents} documents, ${counts.statements} statements, ${counts.speakers} speakers, ${counts.nearDuplicates} near-duplicates; ` +
      `file ${mb(statSync(db).size)}; main thread's process RSS during the first ingest: ` +
      `first quarter max ${mb(Math.max(...rssDuringIngest.slice(0, quarter)))}, last quarter max ${mb(Math.max(...rssDuringIngest.slice(-quarter)))}, peak of the run ${mb(peakRss)}; ` +
      `main thread heap: first quarter max ${mb(Math.max(...heapDuringIngest.slice(0, quarter)))}, last quarter max ${mb(Math.max(...heapDuringIngest.slice(-quarter)))}`,
  ]
  process.stdout.write(`${lines.join('\n')}\n`)
} finally {
  clearInterval(sampler)
  rmSync(dir, { recursive: true, force: true })
}
