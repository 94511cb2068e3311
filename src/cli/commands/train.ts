/**
 * `claimtrail train <model>`: reproduces a shipped model from the public data, deterministically.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import { InputError, UsageError } from '../errors.js'
import { dataDir, projectRoot } from '../paths.js'

interface TrainTask {
  run(opts: { dataDir: string; outDir: string; log: (line: string) => void }): Promise<void>
}

const TASKS: Record<string, TrainTask> = {
  attribution: {
    async run(opts) {
      const m = await import('../../train/train-attribution.js')
      await m.trainAttribution(opts)
    },
  },
  claims: {
    async run(opts) {
      const m = await import('../../train/train-claims.js')
      await m.trainClaims(opts)
    },
  },
  entities: {
    async run(opts) {
      const m = await import('../../train/train-entities.js')
      await m.trainEntities(opts)
    },
  },
  techniques: {
    async run(opts) {
      const m = await import('../../train/train-techniques.js')
      await m.trainTechniques(opts)
    },
  },
}

export function registerTrain(program: Command, setExit: (code: number) => void): void {
  program
    .command('train')
    .description(`train a model from the public data (${Object.keys(TASKS).join(', ')})`)
    .argument('<model>', Object.keys(TASKS).join(' | '))
    .option('--data <dir>', 'the public data folder (default ../shared/data or $CLAIMTRAIL_DATA)')
    .option('--out <dir>', 'where to write the model (default: models/<model> in the project)')
    .action(async (model: string, opts: { data?: string; out?: string }) => {
      const task = TASKS[model]
      if (!task) throw new UsageError(`unknown model "${model}"; one of: ${Object.keys(TASKS).join(', ')}`)
      const data = opts.data ?? dataDir()
      if (!existsSync(data))
        throw new InputError(`${data} is missing: training reads the public data in ../shared/data`)
      const outDir = opts.out ?? path.join(projectRoot(), 'models', model)
      await task.run({ dataDir: data, outDir, log: (line) => process.stderr.write(`${line}\n`) })
      setExit(0)
    })
}
