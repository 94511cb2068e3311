// `npm run bench`: full analysis over ../shared/data/news/bbc-2005.jsonl on one core, beside wink-nlp's
// default pipeline and compromise's nlp() in the same run, each in its own pinned process. A benchmark,
// not a test: nothing here asserts on time.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const data = process.env.CLAIMTRAIL_DATA ?? path.resolve(root, '..', 'shared', 'data')
const file = path.join(data, 'news', 'bbc-2005.jsonl')
if (!existsSync(file)) {
  process.stderr.write(`bench: ${file} is missing (the BBC corpus from ../shared/data)\n`)
  process.exit(1)
}
const limit = process.argv[2] ?? ''
const hasTaskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0

function run(name) {
  const args = [path.join(root, 'bench', 'contender.mjs'), name, file, limit].filter(Boolean)
  const cmd = hasTaskset ? 'taskset' : process.execPath
  const argv = hasTaskset ? ['-c', '0', process.execPath, ...args] : args
  const out = execFileSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 24 })
  return JSON.parse(out.trim().split('\n').pop())
}

const results = ['claimtrail', 'wink', 'compromise'].map((name) => {
  process.stderr.write(`bench: ${name}…\n`)
  return run(name)
})
const base = results[0]
const fmt = (n, d = 1) => n.toFixed(d)
const rows = results.map((r) => {
  const aps = r.docs / r.seconds
  const mbps = r.bytes / 1e6 / r.seconds
  return `| ${r.name} | ${r.docs} | ${fmt(aps)} | ${fmt(mbps, 2)} | ${fmt(r.peakRssMb, 0)} | ${fmt(aps / (base.docs / base.seconds), 2)} |`
})
const lines = [
  `BBC 2005 corpus, ${base.docs} articles, ${fmt(base.bytes / 1e6, 2)} MB, one core${hasTaskset ? ' (taskset -c 0)' : ''}, node ${process.version}`,
  '',
  '| contender | articles | articles/s | MB/s | peak RSS MB | speed vs claimtrail |',
  '|---|---|---|---|---|---|',
  ...rows,
  '',
  `claimtrail per stage, the stage alone, timed in a second pass over the corpus (${base.tokens ?? '?'} tokens): ` +
    `the first pass above compiles the entity tagger's word types and optimises the code as it goes, so ` +
    `it takes ${fmt((base.seconds / base.docs) * 1000, 2)} ms an article; the second took ` +
    `${fmt(((base.secondPassSeconds ?? NaN) / base.docs) * 1000, 2)} ms, of which the stages ` +
    `${fmt(
      Object.values(base.stages ?? {}).reduce((n, aps) => n + 1000 / aps, 0),
      2,
    )} ms.`,
  '| stage | articles/s | tokens/s |',
  '|---|---|---|',
  ...Object.entries(base.stages ?? {}).map(
    ([stage, aps]) =>
      `| ${stage} | ${fmt(aps, 0)} | ${base.tokens ? fmt((aps * base.tokens) / base.docs, 0) : '?'} |`,
  ),
]
process.stdout.write(`${lines.join('\n')}\n`)
