/**
 * A pool of worker threads (piscina) that analyse documents on every core. Under tsx or vitest the
 * worker is the TypeScript source, loaded through tsx; in the build it is the compiled .js beside this file.
 */
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { Piscina } from 'piscina'
import type { AnalyzedDocument, AnalyzeTask } from './analyze-worker.js'

export interface AnalyzerPool {
  readonly threads: number
  analyze(task: AnalyzeTask): Promise<AnalyzedDocument>
  close(): Promise<void>
}

/**
 * Starts a pool (callers bound how many tasks they queue: `ingestCorpus` keeps a few per thread, so
 * memory stays bounded however large the batch). with `threads` workers (default: every core).
 *
 * @example
 * const pool = startPool()
 * const { analysis } = await pool.analyze({ input: { text }, preset: 'full' })
 * await pool.close()
 */
export function startPool(threads = os.availableParallelism()): AnalyzerPool {
  const fromSource = import.meta.url.endsWith('.ts')
  const filename = fileURLToPath(new URL(`./analyze-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url))
  const piscina = new Piscina<AnalyzeTask, AnalyzedDocument>({
    filename,
    minThreads: threads,
    maxThreads: threads,
    // Only tsx is passed on: the parent's own flags (vitest's, or -e) mean nothing to a worker.
    ...(fromSource ? { execArgv: ['--import', 'tsx'] } : {}),
  })
  return {
    threads,
    analyze: (task) => piscina.run(task),
    close: () => piscina.destroy(),
  }
}
