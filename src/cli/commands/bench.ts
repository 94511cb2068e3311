/**
 * `claimtrail bench [LIMIT]`: the throughput benchmark (same as `npm run bench`): full analysis over the
 * BBC corpus on one core beside wink-nlp and compromise, in separate processes. A benchmark, not a test.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import { InputError, UsageError } from '../errors.js'
import { projectRoot } from '../paths.js'

export function registerBench(program: Command, setExit: (code: number) => void): void {
  program
    .command('bench')
    .description('throughput on the BBC corpus beside wink-nlp and compromise (articles/s, MB/s, peak RSS)')
    .argument('[limit]', 'only the first N articles')
    .action((limit: string | undefined) => {
      if (limit !== undefined && !/^[1-9]\d*$/.test(limit))
        throw new UsageError('limit must be a positive integer')
      const script = path.join(projectRoot(), 'bench', 'run.mjs')
      if (!existsSync(script))
        throw new InputError(`${script} is missing: the benchmark runs from a source checkout`)
      const result = spawnSync(process.execPath, [script, ...(limit ? [limit] : [])], { stdio: 'inherit' })
      setExit(result.status === 0 ? 0 : 1)
    })
}
