/**
 * CLI entry: parses argv with commander and runs a command. Returns the exit code:
 * 0 success, 1 bad input (the message says what and where), 2 usage.
 */
import { Command, CommanderError } from 'commander'
import { ClaimtrailError } from '../errors.js'
import { InputError, UsageError } from './errors.js'

type Register = (program: Command, setExit: (code: number) => void) => void

/**
 * Every command, in help order, loaded on demand: a command's module brings what it runs (the NLP
 * models, the HTTP server, the PostgreSQL driver …), and loading all of them cost every command ~0.6 s
 * before it started, a search included.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  analyze: async () => (await import('./commands/analyze.js')).registerAnalyze,
  eval: async () => (await import('./commands/eval.js')).registerEval,
  train: async () => (await import('./commands/train.js')).registerTrain,
  ingest: async () => (await import('./commands/ingest.js')).registerIngest,
  worker: async () => (await import('./commands/worker.js')).registerWorker,
  search: async () => (await import('./commands/search.js')).registerSearch,
  speakers: async () => (await import('./commands/speakers.js')).registerSpeakers,
  speaker: async () => (await import('./commands/speaker.js')).registerSpeaker,
  techniques: async () => (await import('./commands/techniques.js')).registerTechniques,
  claims: async () => (await import('./commands/claims.js')).registerClaims,
  serve: async () => (await import('./commands/serve.js')).registerServe,
  bench: async () => (await import('./commands/bench.js')).registerBench,
}

/**
 * The commands to register for `argv` (node, script, args…): the one named, or all of them when none
 * is (`claimtrail --help`) or the name is unknown, so help and "unknown command" list every command.
 */
export function commandsFor(argv: readonly string[]): string[] {
  // The program's own options (--help, --version) take no value, so the first word is the command.
  const name = argv.slice(2).find((arg) => !arg.startsWith('-'))
  return name !== undefined && Object.hasOwn(COMMANDS, name) ? [name] : Object.keys(COMMANDS)
}

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
  for (const name of commandsFor(argv))
    (await (COMMANDS[name] as () => Promise<Register>)())(program, setExit)
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
