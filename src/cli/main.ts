/**
 * CLI entry: parses argv with commander and runs a command. Returns the exit code:
 * 0 success, 1 bad input (the message says what and where), 2 usage.
 */
import { Command, CommanderError } from 'commander'
import { ClaimtrailError } from '../errors.js'
import { registerAnalyze } from './commands/analyze.js'
import { registerBench } from './commands/bench.js'
import { registerClaims } from './commands/claims.js'
import { registerEval } from './commands/eval.js'
import { registerIngest } from './commands/ingest.js'
import { registerSearch } from './commands/search.js'
import { registerServe } from './commands/serve.js'
import { registerSpeaker } from './commands/speaker.js'
import { registerSpeakers } from './commands/speakers.js'
import { registerTechniques } from './commands/techniques.js'
import { registerTrain } from './commands/train.js'
import { registerWorker } from './commands/worker.js'
import { InputError, UsageError } from './errors.js'

export async function runCli(argv: string[]): Promise<number> {
  let exitCode = 0
  const setExit = (code: number): void => {
    exitCode = code
  }
  const program = new Command()
    .name('claimtrail')
    .description(
      'Who said what, when, about whom, and how: attributed, checkable records from news articles.',
    )
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
  registerAnalyze(program, setExit)
  registerEval(program, setExit)
  registerTrain(program, setExit)
  registerIngest(program, setExit)
  registerWorker(program, setExit)
  registerSearch(program, setExit)
  registerSpeakers(program, setExit)
  registerSpeaker(program, setExit)
  registerTechniques(program, setExit)
  registerClaims(program, setExit)
  registerServe(program, setExit)
  registerBench(program, setExit)
  try {
    await program.parseAsync(argv)
    return exitCode
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      return error.exitCode === 0 ? 0 : 2
    }
    if (error instanceof UsageError || error instanceof InputError) {
      process.stderr.write(`claimtrail: ${error.message}\n`)
      return error.exitCode
    }
    if (error instanceof ClaimtrailError) {
      process.stderr.write(`claimtrail: ${error.message}\n`)
      return 1
    }
    throw error
  }
}
