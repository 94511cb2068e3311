/**
 * Ingest orchestration: sources are read on the main thread, analysed and turned into rows on a
 * worker-thread pool, and written to the store in batches (group commit, `batch-writer.ts`), each
 * document whole or not at all. A document whose content hash is already stored is skipped before
 * analysis, so re-running an interrupted ingest only does the rest. At most `maxInFlight` documents
 * are held at once: memory stays bounded whatever the batch size.
 */
import os from 'node:os'
import type { PresetName } from '../presets.js'
import { contentHash } from '../store/rows.js'
import type { Store } from '../store/types.js'
import type { AnalyzedDocument, AnalyzeTask } from './analyze-worker.js'
import { BatchWriter } from './batch-writer.js'
import { startPool, TASKS_QUEUED_PER_WORKER } from './pool.js'
import { expandSources, reasonOf, type SourceOptions } from './sources.js'

export interface CorpusIngestOptions extends SourceOptions {
  preset?: PresetName
  /** Worker threads for analysis (default: every core). */
  threads?: number
  /** Documents per store transaction at most (default 64). */
  writeBatch?: number
  /** Documents read ahead of the store (default: a full worker queue per thread, plus two write batches). */
  maxInFlight?: number
  /** Analyse with this function instead of a worker pool (tests; a single document). */
  analyzer?: (task: AnalyzeTask) => Promise<AnalyzedDocument>
  /** Called once per document, whatever became of it. */
  onDocument?: (event: { source: string; status: 'stored' | 'duplicate' | 'failed' }) => void
}

export interface IngestFailure {
  source: string
  reason: string
}

export interface IngestSummary {
  /** Documents read from the sources (failed ones included). */
  seen: number
  stored: number
  /** Exact duplicates (same content hash): already stored, or twice in this batch. */
  duplicates: number
  /** Stored documents linked to an earlier copy of the same story. */
  nearDuplicates: number
  failed: IngestFailure[]
  seconds: number
}

/**
 * Ingests every document of `sources` into `store`.
 *
 * @example
 * const summary = await ingestCorpus(['articles/', 'batch.jsonl'], store)
 * console.log(`${summary.stored} stored, ${summary.duplicates} duplicates`)
 */
export async function ingestCorpus(
  sources: string[],
  store: Store,
  options: CorpusIngestOptions = {},
): Promise<IngestSummary> {
  const started = process.hrtime.bigint()
  const threads = options.threads ?? os.availableParallelism()
  const pool = options.analyzer ? null : startPool(threads)
  const analyze =
    options.analyzer ?? ((task: AnalyzeTask) => (pool as NonNullable<typeof pool>).analyze(task))
  const preset = options.preset ?? 'full'
  const writeBatch = options.writeBatch ?? 64
  const writer = new BatchWriter(store, { maxBatch: writeBatch })
  // Room for two write batches beside the documents being analysed: one filling while the other is
  // written. A write blocks the main thread; with room for one batch, a full batch left only a few
  // documents per pool thread queued while it was written, fewer than a write lasts.
  const limit = options.maxInFlight ?? threads * TASKS_QUEUED_PER_WORKER + 2 * writeBatch
  const summary: IngestSummary = {
    seen: 0,
    stored: 0,
    duplicates: 0,
    nearDuplicates: 0,
    failed: [],
    seconds: 0,
  }
  const report = (source: string, status: 'stored' | 'duplicate' | 'failed'): void =>
    options.onDocument?.({ source, status })
  const fail = (source: string, reason: string): void => {
    summary.failed.push({ source, reason })
    report(source, 'failed')
  }

  // Hashes being analysed right now: the same article twice in one batch is analysed once.
  const pending = new Set<string>()
  const inFlight = new Set<Promise<void>>()
  // Documents in the pool now. Once the input is read, the last batch is written as soon as every one
  // of them has joined it (or failed): not on the timer, and not one transaction per late arrival.
  let analysing = 0
  let inputDone = false
  const analysed = (): void => {
    analysing--
    if (inputDone && analysing === 0) void writer.flush()
  }

  try {
    for await (const item of expandSources(sources, options)) {
      summary.seen++
      if (!item.ok) {
        fail(item.source, item.reason)
        continue
      }
      const hash = contentHash(item.input.text)
      let known: number | null = null
      try {
        known = pending.has(hash) ? -1 : await store.findByHash(hash)
      } catch (error) {
        fail(item.source, reasonOf(error))
        continue
      }
      if (known !== null) {
        summary.duplicates++
        report(item.source, 'duplicate')
        continue
      }
      pending.add(hash)
      analysing++
      const task = (async () => {
        try {
          let done: AnalyzedDocument
          try {
            done = await analyze({ input: item.input, preset, source: item.source, hash })
          } catch (error) {
            analysed()
            throw error
          }
          // Queued with the batch before it stops counting as analysing, so a flush takes it along.
          const putting = writer.put({ rows: done.rows })
          analysed()
          const put = await putting
          if (put.status === 'failed') throw put.error
          if (put.status === 'duplicate') {
            summary.duplicates++
            report(item.source, 'duplicate')
          } else {
            summary.stored++
            if (put.nearDuplicateOf) summary.nearDuplicates++
            report(item.source, 'stored')
          }
        } catch (error) {
          fail(item.source, `${item.source}: ${reasonOf(error)}`)
        } finally {
          pending.delete(hash)
        }
      })()
      inFlight.add(task)
      void task.finally(() => inFlight.delete(task))
      if (inFlight.size >= limit) await Promise.race(inFlight)
    }
    inputDone = true
    if (analysing === 0) void writer.flush()
    await Promise.all(inFlight)
  } finally {
    await pool?.close()
  }
  summary.seconds = Number(process.hrtime.bigint() - started) / 1e9
  return summary
}

/**
 * The end-of-run summary for people: counts, rate, and failures grouped by reason (a broken feed of 40
 * items is one line, not 40).
 *
 * @example process.stderr.write(formatSummary(summary))
 */
export function formatSummary(summary: IngestSummary, maxReasons = 10): string {
  const rate = summary.seconds > 0 ? (summary.seen / summary.seconds).toFixed(1) : '0'
  const lines = [
    `ingested ${summary.seen} document(s) in ${summary.seconds.toFixed(1)} s (${rate}/s): ` +
      `${summary.stored} stored (${summary.nearDuplicates} near-duplicate${summary.nearDuplicates === 1 ? '' : 's'} linked), ` +
      `${summary.duplicates} duplicate${summary.duplicates === 1 ? '' : 's'} skipped, ${summary.failed.length} failed`,
  ]
  const byReason = new Map<string, IngestFailure[]>()
  for (const f of summary.failed) {
    // Group on the reason without its source prefix, so one cause over many files is one line.
    const reason = f.reason.startsWith(`${f.source}: `) ? f.reason.slice(f.source.length + 2) : f.reason
    const list = byReason.get(reason) ?? []
    list.push(f)
    byReason.set(reason, list)
  }
  const groups = [...byReason.entries()].sort((a, b) => b[1].length - a[1].length)
  for (const [reason, list] of groups.slice(0, maxReasons)) {
    const where =
      list.length === 1
        ? (list[0] as IngestFailure).source
        : `${list.length} documents, e.g. ${(list[0] as IngestFailure).source}`
    lines.push(`  failed: ${where}: ${reason}`)
  }
  if (groups.length > maxReasons) lines.push(`  … and ${groups.length - maxReasons} more reasons`)
  return `${lines.join('\n')}\n`
}
