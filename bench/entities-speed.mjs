// Speed of the entities stage alone, in tokens/s, over ../shared/data/news/bbc-2005.jsonl (title + text, as
// `npm run bench` reads it). Tokens come from the tokens stage, which runs first and is not timed.
// A benchmark, not a test: nothing here asserts on time.
//
// Usage: taskset -c 1 node bench/entities-speed.mjs [limit] [rounds]          (built dist/)
//        taskset -c 1 node --import tsx bench/entities-speed.mjs [limit] [rounds] --src   (sources, no build)
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const data = process.env.CLAIMTRAIL_DATA ?? path.resolve(root, '..', 'shared', 'data')
const file = path.join(data, 'news', 'bbc-2005.jsonl')
if (!existsSync(file)) {
  process.stderr.write(`entities-speed: ${file} is missing (the BBC corpus from ../shared/data)\n`)
  process.exit(1)
}
const args = process.argv.slice(2)
const fromSource = args.includes('--src')
const [limitArg, roundsArg] = args.filter((a) => !a.startsWith('--'))
const limit = limitArg ? Number(limitArg) : Infinity
const rounds = roundsArg ? Number(roundsArg) : 3

const { createPipeline, presets } = await import(fromSource ? '../src/index.ts' : '../dist/index.js')
const stages = presets.full
const tokensStage = stages.find((s) => s.name === 'tokens')
const entitiesStage = stages.find((s) => s.name === 'entities')

/** An article as `npm run bench` reads it: the title, a blank line, the text. */
const articleText = ({ title, text }) => (title ? `${title}\n\n${text}` : text)
const lines = readFileSync(file, 'utf8').split('\n')
const docs = lines
  .filter((line) => line.trim())
  .slice(0, limit)
  .map((line) => articleText(JSON.parse(line)))

// The tokens layer of every article, computed once; the passes then run the entities stage alone on them.
const tokenizer = createPipeline([tokensStage], { validate: false })
const views = docs.map((text) => tokenizer.runToView({ text }).view)
const tokens = views.reduce((n, view) => n + view.tokens.count, 0)
const ctx = { options: {}, report: () => {}, debug: () => {}, useModel: () => {} }

/** Seconds (wall and CPU) the entities stage spends on every article once. */
function pass() {
  const cpu = process.cpuUsage()
  const began = performance.now()
  for (const view of views) entitiesStage.run(view, ctx)
  const used = process.cpuUsage(cpu)
  return { wall: (performance.now() - began) / 1000, cpu: (used.user + used.system) / 1e6 }
}

pass() // warm-up: loads the model and lets the JIT settle (not reported)
const results = Array.from({ length: rounds }, pass)
const best = (key) => Math.min(...results.map((r) => r[key]))
const fmt = (n) => Math.round(n).toLocaleString('en-US')
const line = (key) =>
  `  ${key.padEnd(4)} best of ${rounds}: ${fmt(tokens / best(key))} tokens/s, ${fmt(docs.length / best(key))} articles/s`
process.stdout.write(
  `entities stage, ${docs.length} BBC articles, ${fmt(tokens)} tokens, node ${process.version}${fromSource ? ' (sources)' : ''}\n` +
    `${line('wall')}\n${line('cpu')}\n`,
)
