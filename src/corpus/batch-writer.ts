/**
 * Group commit for ingest: documents handed to the writer are stored together, many per transaction,
 * because a commit (and with it the flush of the full-text index) is the largest cost of storing a
 * small document. A batch is written when it is full, when its oldest document has waited `maxDelayMs`,
 * or at once on `flush()` (ingest calls it at the end of its input, once the last document being
 * analysed has arrived). Writes never overlap, so SQLite's single writer is never contended and
 * near-duplicate links come out in arrival order.
 */
import type { BatchPutResult, Store, StoreInput } from '../store/types.js'

export interface BatchWriterOptions {
  /** Documents per transaction at most (default 64). */
  maxBatch?: number
  /** How long a document waits for its batch to fill (default 100 ms). */
  maxDelayMs?: number
}

interface Waiting {
  input: StoreInput
  resolve: (result: BatchPutResult) => void
  reject: (error: unknown) => void
}

export class BatchWriter {
  private readonly maxBatch: number
  private readonly maxDelayMs: number
  private queue: Waiting[] = []
  private timer: NodeJS.Timeout | null = null
  private writing: Promise<void> = Promise.resolve()

  constructor(
    private readonly store: Store,
    options: BatchWriterOptions = {},
  ) {
    this.maxBatch = Math.max(1, options.maxBatch ?? 64)
    this.maxDelayMs = options.maxDelayMs ?? 100
  }

  /** Stores a document with the next batch; resolves with its own outcome (a failure of the batch rejects). */
  put(input: StoreInput): Promise<BatchPutResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject })
      if (this.queue.length >= this.maxBatch) this.flush()
      else this.timer ??= setTimeout(() => this.flush(), this.maxDelayMs)
    })
  }

  /** Writes what is waiting now (after the write in progress), without waiting for the batch to fill. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const batch = this.queue
    this.queue = []
    if (!batch.length) return this.writing
    this.writing = this.writing.then(async () => {
      try {
        const results = await this.store.putDocuments(batch.map((w) => w.input))
        batch.forEach((w, i) => w.resolve(results[i] as BatchPutResult))
      } catch (error) {
        for (const w of batch) w.reject(error)
      }
    })
    return this.writing
  }
}
