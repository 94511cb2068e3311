/**
 * The worker side of queued ingest: take jobs from the queue, analyse them on the thread pool, store
 * them, and tell the queue how each went. A job that throws is failed with its error; pg-boss retries
 * it with backoff and parks it in the dead-letter queue once its retries are spent.
 */
import os from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'
import type { PresetName } from '../presets.js'
import { INGEST_QUEUE, IngestJobSchema, type IngestQueue } from '../store/queue/ingest-queue.js'
import type { Store } from '../store/types.js'
import type { DocumentInput } from '../pipeline/pipeline.js'
import type { AnalyzedDocument, AnalyzeTask } from './analyze-worker.js'
import { startPool } from './pool.js'
import { reasonOf } from './sources.js'

export interface WorkerOptions {
  preset?: PresetName
  threads?: number
  /** Jobs taken per fetch (default: 16 per thread). */
  batchSize?: number
  /** Seconds between polls of an empty queue. */
  pollSeconds?: number
  /** Stop once no job is waiting (none new, none due for retry); otherwise run until `signal` aborts. */
  untilEmpty?: boolean
  signal?: AbortSignal
  analyzer?: (task: AnalyzeTask) => Promise<AnalyzedDocument>
  onJob?: (event: { source: string; status: 'stored' | 'duplicate' | 'failed'; reason?: string }) => void
}

export interface WorkerSummary {
  stored: number
  duplicates: number
  failed: number
}

/**
 * Processes jobs until the queue is empty (`untilEmpty`) or the signal aborts.
 *
 * @example
 * const summary = await runWorker(queue, store, { untilEmpty: true })
 */
export async function runWorker(
  queue: IngestQueue,
  store: Store,
  options: WorkerOptions = {},
): Promise<WorkerSummary> {
  const threads = options.threads ?? os.availableParallelism()
  const pool = options.analyzer ? null : startPool(threads)
  const analyze =
    options.analyzer ?? ((task: AnalyzeTask) => (pool as NonNullable<typeof pool>).analyze(task))
  // A fetched batch is finished before the next is fetched. The pool runs each document in two halves on
  // two threads (pool.ts), so a batch ends with one half waiting for the other's last document: with 4
  // jobs per thread that wait was one job in eight, with 16 it is one in 32.
  const batchSize = options.batchSize ?? threads * 16
  const summary: WorkerSummary = { stored: 0, duplicates: 0, failed: 0 }
  const { boss } = queue
  try {
    while (!options.signal?.aborted) {
      const jobs = await boss.fetch<unknown>(INGEST_QUEUE, { batchSize })
      if (!jobs.length) {
        if (options.untilEmpty && (await queue.waiting()) === 0) break
        await sleep((options.pollSeconds ?? 2) * 1000, undefined, { signal: options.signal }).catch(() => {})
        continue
      }
      await Promise.all(
        jobs.map(async (job) => {
          const parsed = IngestJobSchema.safeParse(job.data)
          const source = parsed.success ? parsed.data.source : `job ${job.id}`
          try {
            if (!parsed.success)
              throw new Error(`malformed job: ${parsed.error.issues.map((i) => i.message).join('; ')}`)
            const input = parsed.data.input as DocumentInput
            const done = await analyze({ input, preset: options.preset ?? 'full', source })
            const put = await store.putDocument({ rows: done.rows })
            await boss.complete(INGEST_QUEUE, job.id, { status: put.status, id: put.id })
            if (put.status === 'stored') summary.stored++
            else summary.duplicates++
            options.onJob?.({ source, status: put.status })
          } catch (error) {
            const reason = reasonOf(error)
            summary.failed++
            options.onJob?.({ source, status: 'failed', reason })
            await boss.fail(INGEST_QUEUE, job.id, { message: reason, source })
          }
        }),
      )
    }
  } finally {
    await pool?.close()
  }
  return summary
}
