/**
 * Prints an analysis as one line per annotation (the corpus diff format), or the rendered diff of two:
 *
 *   npx tsx scripts/render-analysis.ts out.json
 *   npx tsx scripts/render-analysis.ts before.json after.json
 *   claimtrail analyze article.txt | npx tsx scripts/render-analysis.ts -
 */
import { readFileSync } from 'node:fs'
import { AnalysisSchema, type Analysis } from '../src/model/analysis.js'
import { renderDiff, renderItems } from '../src/model/render.js'

function load(path: string): Analysis {
  const raw = readFileSync(path === '-' ? 0 : path, 'utf8')
  const result = AnalysisSchema.safeParse(JSON.parse(raw))
  if (!result.success)
    throw new Error(`${path} is not a claimtrail/analysis@1 document: ${result.error.message}`)
  return result.data
}

function main(argv: string[]): number {
  if (argv.length < 1 || argv.length > 2) {
    process.stderr.write('usage: tsx scripts/render-analysis.ts <analysis.json|-> [<after.json>]\n')
    return 2
  }
  const first = load(argv[0] as string)
  if (argv.length === 1) {
    let section = ''
    for (const item of renderItems(first)) {
      if (item.section !== section) {
        section = item.section
        process.stdout.write(`## ${section}\n`)
      }
      process.stdout.write(`${item.line}\n`)
    }
    return 0
  }
  const diff = renderDiff(first, load(argv[1] as string))
  process.stdout.write(diff.text || '(no change)\n')
  return diff.text ? 1 : 0
}

process.exitCode = main(process.argv.slice(2))
