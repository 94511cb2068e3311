/**
 * A pool of worker threads (piscina) that analyse documents on every core. Under tsx or vitest the
 * worker is the TypeScript source, loaded through tsx; in the build it is the compiled .js beside this file.
 */
import os from 'node:os'
import v8 from 'node:v8'
import { fileURLToPath } from 'node:url'
import { Piscina } from 'piscina'
import type { AnalyzedDocument, AnalyzeTask, HalfAnalyzed } from './analyze-worker.js'

/**
 * Tasks waiting in each worker's own queue, so a main thread busy writing never leaves a worker idle:
 * the queue must outlast a write. A batch of 64 documents takes the main thread 64–130 ms (1–2 ms a
 * document, more when both cores are busy), about 16–32 articles of analysis. With 8, one worker
 * beside the writer was busy only 69% of the time. `ingestCorpus` of BBC ×1, 2 threads, two runs each:
 * 8 → 207/230 articles/s, 32 → 249/230, 64 → 250/250; ×2: 270, 279, 273.
 */
export const TASKS_QUEUED_PER_WORKER = 64

/**
 * V8's budget before it optimises a function (its default: 67,584). Each pool thread is a fresh isolate
 * that compiles the whole pipeline again: over the 1,100 articles a thread gets from the BBC corpus,
 * optimising (TurboFan) was ~28% of all CPU, much of it code optimised early on thin type feedback,
 * thrown away and optimised again. A larger budget waits for steadier feedback. `claimtrail ingest`
 * of the BBC corpus, 2 threads, 8 alternating runs each: median ~211 articles/s with the default,
 * ~231/s with 500,000 (6 of 8 pairs faster; the machine's own spread is ±15%). Set before the pool's
 * isolates start, so they begin with it; it changes when code is optimised, never what it computes.
 */
const INTERRUPT_BUDGET = 500_000

export interface AnalyzerPool {
  readonly threads: number
  analyze(task: AnalyzeTask): Promise<AnalyzedDocument>
  close(): Promise<void>
}

/**
 * Starts a pool with `threads` workers (default: every core). Callers bound how many tasks they queue
 * (`ingestCorpus` keeps a few per thread), so memory stays bounded however large the batch.
 *
 * With two threads or more, the pipeline is cut in two (`splitPoint`): half the threads run the first
 * half of every document's analysis (tokens, entities, coreference), the other half the rest and the
 * rows. Each thread then compiles and optimises half the code, over twice as many documents, so the
 * JIT's work and the entity tagger's cache of compiled words are paid half as often. Analysis and rows of the
 * BBC corpus on two threads, no store, four alternating pairs: 202/212/224/220 articles/s with each
 * thread analysing whole documents, 229/260/247/233 split, with 12% less CPU (identical rows). With an
 * odd count, the first half gets the extra thread.
 *
 * @example
 * const pool = startPool()
 * const { rows } = await pool.analyze({ input: { text }, preset: 'full' })
 * await pool.close()
 */
export function startPool(threads = os.availableParallelism()): AnalyzerPool {
  v8.setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`)
  const fromSource = import.meta.url.endsWith('.ts')
  const filename = fileURLToPath(new URL(`./analyze-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url))
  const start = <T, R>(count: number): Piscina<T, R> =>
    new Piscina<T, R>({
      filename,
      minThreads: count,
      maxThreads: count,
      // Tasks are handed to a worker ahead of time and wait in its own queue. With one at a time, a worker
      // that finished while the main thread was busy writing a batch to the store (tens of ms) sat idle
      // until the write ended. A worker runs the tasks it holds one after another, one per event-loop turn,
      // and replies to each as it ends (analyze-worker.ts, nextTurn); new tasks reach it once it has run
      // the ones it holds.
      concurrentTasksPerWorker: TASKS_QUEUED_PER_WORKER,
      // Only tsx is passed on: the parent's own flags (vitest's, or -e) mean nothing to a worker.
      ...(fromSource ? { execArgv: ['--import', 'tsx'] } : {}),
    })
  if (threads < 2) {
    const whole = start<AnalyzeTask, AnalyzedDocument>(1)
    return {
      threads,
      analyze: (task) => whole.run(task, { name: 'analyzeWholeTask' }),
      close: () => whole.destroy(),
    }
  }
  const front = start<AnalyzeTask, HalfAnalyzed>(Math.ceil(threads / 2))
  const back = start<HalfAnalyzed, AnalyzedDocument>(Math.floor(threads / 2))
  return {
    threads,
    analyze: async (task) =>
      back.run(await front.run(task, { name: 'analyzeFrontTask' }), { name: 'analyzeBackTask' }),
    close: async () => {
      await Promise.all([front.destroy(), back.destroy()])
    },
  }
}
