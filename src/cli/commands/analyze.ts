/**
 * `claimtrail analyze FILE|URL|-` and `claimtrail analyze --jsonl IN.jsonl [--out OUT.jsonl]`.
 */
import { createWriteStream, createReadStream, existsSync } from 'node:fs'
import type { Writable } from 'node:stream'
import type { Command } from 'commander'
import { pipelineFor } from '../../analyze.js'
import { IngestError } from '../../ingest/errors.js'
import { ingestSource, toDocumentInput } from '../../ingest/index.js'
import { readJsonl } from '../../ingest/jsonl.js'
import { SCHEMA_ID, type Analysis } from '../../model/analysis.js'
import { ENGINE } from '../../pipeline/pipeline.js'
import type { PresetName } from '../../presets.js'
import { presets } from '../../presets.js'
import { InputError, UsageError } from '../errors.js'
import { renderText } from '../output.js'
import { startProgress } from '../progress.js'
import { parsePreset } from '../options.js'

interface AnalyzeOptions {
  published?: string
  format: string
  jsonl?: string
  out?: string
  preset: string
  pretty?: boolean
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/

function checkOptions(opts: AnalyzeOptions, source: string | undefined): void {
  if (
    opts.published !== undefined &&
    (!DATE_RE.test(opts.published) || Number.isNaN(Date.parse(opts.published)))
  ) {
    throw new UsageError(`--published must be a date as YYYY-MM-DD, got "${opts.published}"`)
  }
  if (opts.format !== 'json' && opts.format !== 'text') {
    throw new UsageError(`--format must be json or text, got "${opts.format}"`)
  }
  parsePreset(opts.preset)
  if (opts.jsonl && source) throw new UsageError('give either FILE|URL|- or --jsonl IN.jsonl, not both')
  if (!opts.jsonl && !source)
    throw new UsageError('missing input: FILE, URL or - (stdin), or --jsonl IN.jsonl')
  if (opts.out && !opts.jsonl) throw new UsageError('--out is for --jsonl batches; redirect stdout instead')
}

/** An analysis with no layers and one error diagnostic: what a batch writes for a line it cannot read. */
function failedLine(id: string | null, lineNumber: number, message: string): Analysis {
  return {
    schema: SCHEMA_ID,
    id,
    document: {
      text: '',
      title: null,
      published: null,
      url: null,
      outlet: null,
      byline: null,
      language: null,
    },
    blocks: [],
    sentences: [],
    mentions: [],
    entities: [],
    attributions: [],
    times: [],
    techniques: [],
    claims: [],
    diagnostics: [
      { stage: 'ingest', rule: 'bad-line', severity: 'error', message: `line ${lineNumber}: ${message}` },
    ],
    provenance: { engine: ENGINE, stages: {}, models: {} },
  }
}

async function countLines(file: string): Promise<number> {
  let lines = 0
  let last = 10
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++
    last = chunk[chunk.length - 1] ?? last
  }
  return last === 10 ? lines : lines + 1
}

function write(stream: Writable, data: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.write(data)) resolve()
    else {
      stream.once('drain', resolve)
      stream.once('error', reject)
    }
  })
}

async function analyzeBatch(opts: AnalyzeOptions): Promise<number> {
  const file = opts.jsonl as string
  if (!existsSync(file)) throw new InputError(`${file}: no such file`)
  const pipeline = pipelineFor(opts.preset as PresetName, { validate: false })
  const out: Writable = opts.out ? createWriteStream(opts.out) : process.stdout
  const progress = startProgress(await countLines(file), 'analyze')
  let failed = 0
  let done = 0
  for await (const entry of readJsonl(file)) {
    let result: Analysis
    if ('error' in entry) {
      failed++
      result = failedLine(null, entry.lineNumber, entry.error)
    } else {
      try {
        const input = toDocumentInput(entry.record)
        if (opts.published && !input.meta?.published)
          input.meta = { ...input.meta, published: opts.published }
        result = pipeline.run(input)
      } catch (error) {
        if (!(error instanceof IngestError)) throw error
        failed++
        result = failedLine(entry.record.id, entry.lineNumber, error.message)
      }
    }
    await write(out, `${JSON.stringify(result)}\n`)
    done++
    progress.tick()
  }
  progress.stop()
  if (opts.out)
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())))
  process.stderr.write(`analyzed ${done - failed} document(s)${failed ? `, ${failed} line(s) failed` : ''}\n`)
  return 0
}

async function analyzeOne(source: string, opts: AnalyzeOptions): Promise<number> {
  let input
  try {
    input = await ingestSource(source, opts.published ? { published: opts.published } : {})
  } catch (error) {
    if (error instanceof IngestError) throw new InputError(error.message)
    throw error
  }
  const analysis = pipelineFor(opts.preset as PresetName, { validate: false }).run(input)
  const rendered =
    opts.format === 'text'
      ? renderText(analysis)
      : `${JSON.stringify(analysis, null, opts.pretty ? 2 : undefined)}\n`
  await write(process.stdout, rendered)
  return 0
}

export function registerAnalyze(program: Command, setExit: (code: number) => void): void {
  program
    .command('analyze')
    .description('analyse an article (text or HTML file, URL, or - for stdin), or a JSONL batch')
    .argument('[source]', 'FILE, URL or - (stdin)')
    .option('--published <YYYY-MM-DD>', 'publication date, the anchor for relative times')
    .option('--format <format>', 'json (claimtrail/analysis@1) or text (who said what)', 'json')
    .option('--pretty', 'indent the JSON output')
    .option('--jsonl <file>', 'a batch: one {"id","text"|"html","published"?,"title"?,"url"?} per line')
    .option('--out <file>', 'with --jsonl: write the analyses here instead of stdout')
    .option('--preset <name>', `pipeline preset (${Object.keys(presets).join(', ')})`, 'full')
    .addHelpText(
      'after',
      '\nExamples:\n  claimtrail analyze article.txt --published 2022-09-01 --format text\n' +
        '  claimtrail analyze https://example.org/news/1 > analysis.json\n' +
        '  claimtrail analyze --jsonl batch.jsonl --out analyses.jsonl',
    )
    .action(async (source: string | undefined, opts: AnalyzeOptions) => {
      checkOptions(opts, source)
      setExit(opts.jsonl ? await analyzeBatch(opts) : await analyzeOne(source as string, opts))
    })
}
