/**
 * `claimtrail worker --db postgres://…`: take ingest jobs from the PostgreSQL queue, analyse and store
 * them. Run as many as you like, on as many machines as you like; stop one with Ctrl-C (the jobs it
 * holds are finished first).
 */
import type { Command } from 'commander'
import { runWorker, type WorkerOptions } from '../../corpus/queue-worker.js'
import { FilterError, parseCount } from '../../search/filters.js'
import { isPostgresUrl, openStore, resolveDb } from '../../store/open-store.js'
import { CLI_STORE_OPTIONS } from '../store.js'
import { openQueue } from '../../store/queue/ingest-queue.js'
import { cliErrors } from './search.js'
import { analysisOptions, parsePreset } from '../options.js'

interface WorkerCliOptions {
  db?: string
  untilEmpty?: boolean
  preset: string
  threads?: string
  batch?: string
}

export function registerWorker(program: Command, setExit: (code: number) => void): void {
  const command = program
    .command('worker')
    .description(
      'process queued ingest jobs (PostgreSQL): analyse and store, with retries; poison jobs are parked',
    )
    .option('--db <db>', 'postgres:// URL (default: $CLAIMTRAIL_DB)')
    .option('--until-empty', 'exit once no job is waiting (default: keep polling until Ctrl-C)')
  analysisOptions(command)
    .option('--batch <n>', 'jobs taken at a time (default: 16 per thread)')
    .addHelpText('after', '\nExample:\n  claimtrail worker --db postgres://db.internal/claimtrail')
    .action(async (opts: WorkerCliOptions) => {
      const code = await cliErrors(async () => {
        const db = resolveDb(opts.db)
        if (!isPostgresUrl(db)) throw new FilterError('worker needs a PostgreSQL database: --db postgres://…')
        const preset = parsePreset(opts.preset)
        const store = await openStore(db, CLI_STORE_OPTIONS)
        const queue = await openQueue(db).catch(async (error: unknown) => {
          await store.close()
          throw error
        })
        const controller = new AbortController()
        const stop = (): void => controller.abort()
        process.once('SIGINT', stop)
        process.once('SIGTERM', stop)
        const options: WorkerOptions = {
          preset,
          untilEmpty: opts.untilEmpty ?? false,
          signal: controller.signal,
          onJob: (e) => {
            if (e.status === 'failed')
              process.stderr.write(`failed: ${e.reason ?? e.source} (will retry or park)\n`)
          },
        }
        const threads = parseCount('threads', opts.threads, 1)
        const batch = parseCount('batch', opts.batch, 1)
        if (threads !== undefined) options.threads = threads
        if (batch !== undefined) options.batchSize = batch
        try {
          const summary = await runWorker(queue, store, options)
          const parked = await queue.parked()
          process.stderr.write(
            `worker done: ${summary.stored} stored, ${summary.duplicates} duplicate(s), ${summary.failed} failed attempt(s); ${parked} job(s) parked\n`,
          )
          return 0
        } finally {
          process.off('SIGINT', stop)
          process.off('SIGTERM', stop)
          await queue.close()
          await store.close()
        }
      })
      setExit(code)
    })
}
