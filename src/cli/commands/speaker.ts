/**
 * `claimtrail speaker NAME`: every statement attributed to one speaker across the corpus (all name
 * variants), oldest first: date, outlet, mode, verbatim content with its offsets, and the document.
 */
import type { Command } from 'commander'
import { renderList, type Column } from '../../search/export.js'
import { parseFilters, parseFormat } from '../../search/filters.js'
import { resolveDb, withStore } from '../../store/open-store.js'
import { CLI_STORE_OPTIONS } from '../store.js'
import type { Statement } from '../../store/types.js'
import { InputError } from '../errors.js'
import { cliErrors } from './search.js'
import { storeOptions } from '../options.js'

interface SpeakerOptions {
  db?: string
  outlet?: string
  from?: string
  to?: string
  mode?: string
  format: string
}

const COLUMNS: Column<Statement>[] = [
  { header: 'date', value: (s) => s.published },
  { header: 'outlet', value: (s) => s.outlet, width: 18 },
  { header: 'mode', value: (s) => s.mode },
  { header: 'as', value: (s) => s.source, width: 24 },
  { header: 'content', value: (s) => s.content, width: 100 },
  { header: 'offsets', value: (s) => `${s.contentStart}-${s.contentEnd}` },
  { header: 'doc', value: (s) => s.documentId, align: 'right' },
  { header: 'quote', value: (s) => s.quoteKey },
  { header: 'copy_of', value: (s) => s.nearDuplicateOf },
  { header: 'url', value: (s) => s.url },
]

export function registerSpeaker(program: Command, setExit: (code: number) => void): void {
  storeOptions(
    program
      .command('speaker')
      .description('every statement attributed to one speaker across the corpus, across name variants')
      .argument('<name>', 'the speaker: full name, surname, or a transliteration variant'),
    ['outlet', 'from', 'to', 'mode'],
  )
    .option('--format <format>', 'table, json, csv or jsonl', 'table')
    .addHelpText(
      'after',
      '\nExamples:\n  claimtrail speaker "Hossein Salami"\n  claimtrail speaker Khamenei --mode direct --format jsonl',
    )
    .action(async (name: string, opts: SpeakerOptions) => {
      await cliErrors(async () => {
        const format = parseFormat(opts.format)
        const { speaker: _ignored, ...filters } = parseFilters(opts)
        const profile = await withStore(
          resolveDb(opts.db),
          (store) => store.speaker(name, filters),
          CLI_STORE_OPTIONS,
        )
        if (!profile)
          throw new InputError(`no speaker called "${name}" in the corpus (try \`claimtrail speakers\`)`)
        if (format === 'json') {
          process.stdout.write(`${JSON.stringify(profile, null, 2)}\n`)
          return
        }
        if (format === 'table') {
          const variants = profile.variants.map((v) => `${v.value} (${v.count})`).join(', ')
          const techniques = profile.techniques.length
            ? profile.techniques.map((t) => `${t.technique} ${t.uses} (in ${t.quotes} quote(s))`).join(', ')
            : 'none found'
          process.stdout.write(
            `${profile.name}: ${profile.statements} distinct statement(s), ${profile.appearances} appearance(s)\n` +
              `also as: ${variants}\ntechniques: ${techniques}\n\n`,
          )
        }
        process.stdout.write(renderList(profile.items, COLUMNS, format))
      })
      setExit(0)
    })
}
