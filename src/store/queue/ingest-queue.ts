/**
 * Scale-out ingest on PostgreSQL with pg-boss: `claimtrail ingest --queue` reads the sources and
 * enqueues one job per document; any number of `claimtrail worker` processes, on any machines, take
 * jobs, analyse them and store them. A job that fails is retried with exponential backoff; one that
 * keeps failing (a poison job) is parked, with its error, in a dead-letter queue.
 */
import PgBoss from 'pg-boss'
import { z } from 'zod'
import type { DocumentInput } from '../../pipeline/pipeline.js'
import { redactUrl, splitSchema } from '../postgres/postgres-store.js'
import { StoreError } from '../rows.js'

export const INGEST_QUEUE = 'claimtrail-ingest'
/** Where poison jobs end up, with the error of their last attempt. */
export const PARKED_QUEUE = 'claimtrail-ingest-parked'

export interface IngestJob {
  source: string
  input: DocumentInput
}

/** A job's payload, checked before work starts: a malformed job fails (and is parked) instead of crashing a worker. */
export const IngestJobSchema = z.object({
  source: z.string(),
  input: z
    .object({
      id: z.string().nullable().optional(),
      text: z.string().min(1),
      blocks: z.array(z.object({ start: z.number(), end: z.number(), kind: z.string() })).optional(),
      meta: z.record(z.string(), z.unknown()).optional(),
      diagnostics: z.array(z.unknown()).optional(),
    })
    .loose(),
})

export interface RetryPolicy {
  /** Attempts after the first. */
  retryLimit: number
  /** Seconds before the first retry; doubled (with jitter) at each further one. */
  retryDelay: number
}

export const DEFAULT_RETRY: RetryPolicy = { retryLimit: 3, retryDelay: 10 }

export interface IngestQueue {
  readonly boss: PgBoss
  enqueue(jobs: IngestJob[]): Promise<void>
  /** Jobs waiting (new, or waiting for a retry). */
  waiting(): Promise<number>
  parked(): Promise<number>
  close(): Promise<void>
}

/** The queue's schema: `<store schema>_queue`, or `claimtrail_queue` beside the public schema. */
function queueSchema(storeSchema: string | null): string {
  return storeSchema && storeSchema !== 'public' ? `${storeSchema}_queue` : 'claimtrail_queue'
}

/**
 * Connects to the queue on the store's PostgreSQL database (creating pg-boss's tables and our two
 * queues when missing).
 *
 * @example
 * const queue = await openQueue('postgres://localhost/claimtrail')
 * await queue.enqueue([{ source: 'a.txt', input: { text } }])
 */
export async function openQueue(url: string, retry: RetryPolicy = DEFAULT_RETRY): Promise<IngestQueue> {
  const { url: connectionString, schema } = splitSchema(url)
  const boss = new PgBoss({
    connectionString,
    schema: queueSchema(schema),
    max: 4,
    supervise: true,
    schedule: false,
  })
  boss.on('error', () => {})
  try {
    await boss.start()
    if (!(await boss.getQueue(PARKED_QUEUE))) await boss.createQueue(PARKED_QUEUE)
    if (!(await boss.getQueue(INGEST_QUEUE))) {
      await boss.createQueue(INGEST_QUEUE, {
        name: INGEST_QUEUE,
        ...retry,
        retryBackoff: true,
        deadLetter: PARKED_QUEUE,
      })
    }
  } catch (error) {
    await boss.stop({ graceful: false, wait: false }).catch(() => {})
    throw new StoreError(`cannot open the job queue at ${redactUrl(url)} (${(error as Error).message})`, {
      cause: error,
    })
  }
  return {
    boss,
    async enqueue(jobs) {
      if (jobs.length) await boss.insert(jobs.map((data) => ({ name: INGEST_QUEUE, data })))
    },
    waiting: () => boss.getQueueSize(INGEST_QUEUE),
    parked: () => boss.getQueueSize(PARKED_QUEUE),
    close: () => boss.stop({ graceful: false, wait: true, timeout: 5000 }),
  }
}
