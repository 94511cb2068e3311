/**
 * `claimtrail ingest PATH|URL|FEED_URL|FILE.jsonl… [--db …]`: analyse and store a corpus. Folders are
 * walked recursively (.txt, .html, .jsonl); feeds are expanded into their articles. With `--queue` the
 * documents are only enqueued on PostgreSQL, for `claimtrail worker` processes to analyse and store.
 */
import type { Command } from 'commander'
import { formatSummary, ingestCorpus, type CorpusIngestOptions } from '../../corpus/ingest.js'
import { countDocuments, expandSources, type SourceOptions } from '../../corpus/sources.js'
import { FilterError, parseCount } from '../../search/filters.js'
import { isPostgresUrl, openStore, resolveDb } from '../../store/open-store.js'
import { CLI_STORE_OPTIONS } from '../store.js'
import { openQueue, type IngestJob } from '../../store/queue/ingest-queue.js'
import { startProgress } from '../progress.js'
import { cliErrors } from './search.js'
import { analysisOptions, parsePreset, storeOptions } from '../options.js'

interface IngestCliOptions {
  db?: string
  queue?: boolean
  published?: string
  outlet?: string
  preset: string
  threads?: string
}

const DATE = /^\d{4}-\d{2}-\d{2}$/
/** Jobs sent to the queue per insert: one round trip per hundred documents. */
const ENQUEUE_BATCH = 100

function sourceOptions(opts: IngestCliOptions): SourceOptions {
  if (
    opts.published !== undefined &&
    (!DATE.test(opts.published) || Number.isNaN(Date.parse(opts.published)))
  ) {
    throw new FilterError(`--published must be a date as YYYY-MM-DD, got "${opts.published}"`)
  }
  const options: SourceOptions = {}
  if (opts.published) options.published = opts.published
  if (opts.outlet) options.outlet = opts.outlet
  return options
}

async function enqueueAll(sources: string[], db: string, options: SourceOptions): Promise<number> {
  const queue = await openQueue(db)
  const progress = startProgress(await countDocuments(sources), 'enqueue')
  let batch: IngestJob[] = []
  let enqueued = 0
  const failed: { source: string; reason: string }[] = []
  try {
    for await (const item of expandSources(sources, options)) {
      progress.tick()
      if (!item.ok) {
        failed.push(item)
        continue
      }
      batch.push({ source: item.source, input: item.input })
      if (batch.length >= ENQUEUE_BATCH) {
        await queue.enqueue(batch)
        enqueued += batch.length
        batch = []
      }
    }
    await queue.enqueue(batch)
    enqueued += batch.length
  } finally {
    progress.stop()
    await queue.close()
  }
  process.stderr.write(
    `enqueued ${enqueued} document(s) for \`claimtrail worker\`, ${failed.length} failed\n`,
  )
  for (const f of failed.slice(0, 10)) process.stderr.write(`  failed: ${f.reason}\n`)
  if (failed.length > 10) process.stderr.write(`  … and ${failed.length - 10} more\n`)
  return enqueued === 0 && failed.length > 0 ? 1 : 0
}

export function registerIngest(program: Command, setExit: (code: number) => void): void {
  const command = storeOptions(
    program
      .command('ingest')
      .description('analyse and store articles: files, folders, URLs, RSS/Atom feeds, JSONL batches')
      .argument(
        '<sources...>',
        'files, folders (.txt, .html, .jsonl, recursively), URLs, feed URLs, or - (stdin)',
      ),
    [],
  )
    .option('--queue', 'only enqueue the documents (PostgreSQL); `claimtrail worker` processes them')
    .option('--published <YYYY-MM-DD>', 'publication date for documents that carry none')
    .option('--outlet <name>', 'outlet for documents that name none')
  analysisOptions(command)
    .addHelpText(
      'after',
      '\nExamples:\n  claimtrail ingest articles/ --db corpus.db\n' +
        '  claimtrail ingest https://example.org/rss.xml --outlet "Example News"\n' +
        '  claimtrail ingest batch.jsonl --queue --db postgres://localhost/claimtrail',
    )
    .action(async (sources: string[], opts: IngestCliOptions) => {
      const code = await cliErrors(async () => {
        const options = sourceOptions(opts)
        const preset = parsePreset(opts.preset)
        const threads = parseCount('threads', opts.threads, 1)
        const db = resolveDb(opts.db)
        if (opts.queue) {
          if (!isPostgresUrl(db))
            throw new FilterError('--queue needs a PostgreSQL database: --db postgres://…')
          return enqueueAll(sources, db, options)
        }
        const store = await openStore(db, CLI_STORE_OPTIONS)
        const progress = startProgress(await countDocuments(sources), 'ingest')
        const ingestOptions: CorpusIngestOptions = {
          ...options,
          preset,
          onDocument: () => progress.tick(),
        }
        if (threads !== undefined) ingestOptions.threads = threads
        try {
          const summary = await ingestCorpus(sources, store, ingestOptions)
          progress.stop()
          process.stderr.write(formatSummary(summary))
          return summary.failed.length > 0 && summary.stored + summary.duplicates === 0 ? 1 : 0
        } finally {
          progress.stop()
          await store.close()
        }
      })
      setExit(code)
    })
}
