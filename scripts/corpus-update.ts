/**
 * Rewrites the golden corpus snapshots (test/corpus/<slug>/expected.json) and prints what changed as a
 * rendered diff (`+ a7 direct [812,861) "Salami" said: "…"`), for review (STYLE §5a). gold.json is
 * hand-written and never touched here.
 *
 *   npm run corpus:update -- all
 *   npm run corpus:update -- irgc-salami-interview
 *   npm run corpus:update -- all --check     # exit 1 when a snapshot is out of date, write nothing
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { analyze } from '../src/analyze.js'
import { renderDiff } from '../src/model/render.js'
import { corpusSlugs, loadCorpusDoc, snapshotJson } from '../test/helpers/corpus.js'

function main(argv: string[]): number {
  const check = argv.includes('--check')
  const names = argv.filter((a) => !a.startsWith('--'))
  const all = corpusSlugs()
  if (names.length === 0) {
    process.stderr.write(`usage: npm run corpus:update -- <slug>|all [--check]\nslugs: ${all.join(', ')}\n`)
    return 2
  }
  const slugs = names.includes('all') ? all : names
  const unknown = slugs.filter((s) => !all.includes(s))
  if (unknown.length) {
    process.stderr.write(`unknown corpus document(s): ${unknown.join(', ')}\nslugs: ${all.join(', ')}\n`)
    return 2
  }
  let changed = 0
  for (const slug of slugs) {
    const doc = loadCorpusDoc(slug)
    const analysis = analyze(doc.input)
    const json = snapshotJson(analysis)
    // compared as data (re-serialised), so a reformatted file (prettier) counts as unchanged
    const before = doc.expectedJson === null ? null : snapshotJson(JSON.parse(doc.expectedJson))
    if (before === json) {
      process.stdout.write(`= ${slug}: unchanged\n`)
      continue
    }
    changed++
    const diff = renderDiff(doc.expected, analysis)
    const summary = doc.expected ? `+${diff.added} -${diff.removed} lines` : 'new snapshot'
    process.stdout.write(
      `${check ? '!' : '~'} ${slug}: ${summary}${diff.text ? '' : ' (ids or formatting only)'}\n`,
    )
    if (doc.expected) process.stdout.write(diff.text.replace(/^(?=.)/gm, '    '))
    if (!check) writeFileSync(join(doc.dir, 'expected.json'), json)
  }
  if (check && changed) {
    process.stderr.write(`${changed} snapshot(s) out of date: run npm run corpus:update -- all\n`)
    return 1
  }
  return 0
}

process.exitCode = main(process.argv.slice(2))
