/**
 * `claimtrail eval <task> [--data FILE]`: accuracy on the public dev data in ../shared/data.
 * Evaluation code lives in src/train/ and is loaded only when asked for (runtime never imports it).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import { InputError, UsageError } from '../errors.js'
import { dataDir } from '../paths.js'

interface EvalTask {
  /** Default data file or folder, relative to the data folder. */
  data: string
  run(data: string, opts: { limit?: number; json?: boolean }): Promise<{ text: string; result: unknown }>
}

const TASKS: Record<string, EvalTask> = {
  attribution: {
    data: 'attribution/polnear-dev.jsonl',
    async run(dataFile, { limit }) {
      const m = await import('../../train/eval-attribution.js')
      const result = await m.evalAttribution(limit === undefined ? { dataFile } : { dataFile, limit })
      return { result, text: m.formatAttributionEval(result) }
    },
  },
  entities: {
    data: 'ner/conll2003-dev.docs.jsonl',
    async run(dataFile) {
      const m = await import('../../train/eval-entities.js')
      const result = await m.evalEntities({ dataFile })
      return { result, text: m.formatEntityEval(result) }
    },
  },
  time: {
    data: 'time/tempeval3-train.jsonl',
    async run(dataFile) {
      const m = await import('../../train/eval-time.js')
      const result = await m.evalTime({ dataFile })
      return { result, text: m.formatTimeEval(result) }
    },
  },
  techniques: {
    data: 'techniques/ptc-dev.jsonl',
    async run(dataFile, { limit }) {
      const m = await import('../../train/eval-techniques.js')
      const result = await m.evalTechniques(limit === undefined ? { dataFile } : { dataFile, limit })
      return { result, text: m.formatTechniquesEval(result) }
    },
  },
  claims: {
    data: 'checkworthy',
    async run(folder) {
      const m = await import('../../train/eval-claims.js')
      const result = m.evalClaims({ folder })
      return { result, text: m.formatClaimsEval(result) }
    },
  },
  coref: {
    data: 'coref/gap-dev.jsonl',
    async run(dataFile) {
      const m = await import('../../train/eval-coref.js')
      const result = await m.evalCoref({ dataFile })
      return { result, text: m.formatCorefEval(result) }
    },
  },
  extraction: {
    data: 'extraction/trafilatura-eval',
    async run(dir, { limit }) {
      const m = await import('../../train/eval-extraction.js')
      const result = await m.evalExtraction(limit === undefined ? { dir } : { dir, limit })
      return { result, text: m.formatExtractionEval(result) }
    },
  },
}

export function registerEval(program: Command, setExit: (code: number) => void): void {
  program
    .command('eval')
    .description(`measure accuracy on public dev data (${Object.keys(TASKS).join(', ')})`)
    .argument('<task>', Object.keys(TASKS).join(' | '))
    .option('--data <file>', 'the data file (default: the dev set in ../shared/data or $CLAIMTRAIL_DATA)')
    .option('--limit <n>', 'evaluate only the first n documents', (v) => Number.parseInt(v, 10))
    .option('--json', 'print the metrics as JSON')
    .action(async (taskName: string, opts: { data?: string; limit?: number; json?: boolean }) => {
      const task = TASKS[taskName]
      if (!task)
        throw new UsageError(`unknown eval task "${taskName}"; one of: ${Object.keys(TASKS).join(', ')}`)
      if (opts.limit !== undefined && !(opts.limit > 0))
        throw new UsageError('--limit must be a positive integer')
      const data = opts.data ?? path.join(dataDir(), task.data)
      if (!existsSync(data)) {
        throw new InputError(
          `${data} is missing: evaluation reads the public data in ../shared/data (or set CLAIMTRAIL_DATA, or pass --data)`,
        )
      }
      const { text, result } = await task.run(data, opts)
      process.stdout.write(
        opts.json ? `${JSON.stringify(result, null, 2)}\n` : text.endsWith('\n') ? text : `${text}\n`,
      )
      setExit(0)
    })
}
