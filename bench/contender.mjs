// One benchmark contender, run in its own process so its peak RSS is its own.
// Usage: node bench/contender.mjs <claimtrail|wink|compromise> <bbc.jsonl> [limit]
// Prints one JSON line: {name, docs, bytes, seconds, peakRssMb, stages?, tokens?, secondPassSeconds?}.
import { readFileSync } from 'node:fs'

const [name, file, limitArg] = process.argv.slice(2)
const limit = limitArg ? Number(limitArg) : Infinity
const docs = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .slice(0, limit)
  .map((line) => JSON.parse(line))
  .map((d) => (d.title ? `${d.title}\n\n${d.text}` : d.text))
const bytes = docs.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0)

async function contender() {
  if (name === 'claimtrail') {
    const { pipelineFor } = await import('../dist/index.js')
    const profile = {}
    const pipeline = pipelineFor('full', { validate: false })
    const profiled = pipelineFor('full', { validate: false, profile })
    // The profiled pass also counts tokens, so per-stage speed can be given in tokens/s (issue 4's unit).
    const profileRun = (text) => profiled.runToView({ text }).view.tokens.count
    return { run: (text) => pipeline.run({ text }), profileRun, profile }
  }
  if (name === 'wink') {
    const winkNLP = (await import('wink-nlp')).default
    const model = (await import('wink-eng-lite-web-model')).default
    const nlp = winkNLP(model)
    const its = nlp.its
    return { run: (text) => nlp.readDoc(text).entities().out(its.detail) }
  }
  if (name === 'compromise') {
    const nlp = (await import('compromise')).default
    return { run: (text) => nlp(text).json() }
  }
  throw new Error(`unknown contender ${name}`)
}

const c = await contender()
// Warm-up: load models and let the JIT settle on a slice of the corpus (not timed).
for (const text of docs.slice(0, 50)) c.run(text)
const started = process.hrtime.bigint()
for (const text of docs) c.run(text)
const seconds = Number(process.hrtime.bigint() - started) / 1e9
let stages
let tokens
let secondPassSeconds
if (c.profileRun) {
  // A second pass, each stage timed: every cache is warm by now (the entity tagger compiles each new
  // word type once, about 37,500 of them over this corpus) and the JIT has settled, so the stages
  // alone add up to less than the first pass's time per article; both are reported.
  tokens = 0
  const second = process.hrtime.bigint()
  for (const text of docs) tokens += c.profileRun(text)
  secondPassSeconds = Number(process.hrtime.bigint() - second) / 1e9
  stages = Object.fromEntries(Object.entries(c.profile).map(([k, ms]) => [k, docs.length / (ms / 1000)]))
}
const peakRssMb = process.resourceUsage().maxRSS / 1024
process.stdout.write(
  `${JSON.stringify({ name, docs: docs.length, bytes, seconds, peakRssMb, stages, tokens, secondPassSeconds })}\n`,
)
