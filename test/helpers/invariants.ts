/**
 * Invariants every analysis must keep, whatever the text (STYLE §5c). Each check returns the problems
 * it found as readable strings (empty: all good), so a property test can report them all at once and
 * fast-check can shrink the input that broke them.
 */
import type { Analysis } from '../../src/model/analysis.js'
import type { DocView } from '../../src/model/doc-view.js'
import { spanProblem, type Span } from '../../src/model/span.js'

function isSpace(char: string): boolean {
  return /\s/.test(char)
}

/** Every span of every layer is valid for the text: inside it, non-empty, no split surrogate pair. */
export function spanProblems(a: Analysis): string[] {
  const text = a.document.text
  const out: string[] = []
  const check = (what: string, span: Span): void => {
    const problem = spanProblem(text, span)
    if (problem) out.push(`${what}: ${problem}`)
  }
  a.blocks.forEach((b, i) => check(`block ${i}`, b))
  a.sentences.forEach((s, i) => check(`sentence ${i}`, s))
  for (const m of a.mentions) check(m.id, m)
  for (const x of a.attributions) {
    check(`${x.id} content`, x.content)
    if (x.cue) check(`${x.id} cue`, x.cue)
    if (x.source) check(`${x.id} source`, x.source)
  }
  for (const t of a.times) check(t.id, t)
  for (const p of a.techniques) check(p.id, p)
  for (const c of a.claims) check(c.id, c)
  for (const d of a.diagnostics) {
    if (d.start === undefined && d.end === undefined) continue
    const start = d.start ?? 0
    const end = d.end ?? start
    if (start < 0 || end > text.length || start > end)
      out.push(`diagnostic ${d.rule}: [${start}, ${end}) outside the text`)
  }
  return out
}

/** Layers sorted by (start asc, end desc); attributions by their content span. */
export function orderProblems(a: Analysis): string[] {
  const out: string[] = []
  const sorted = (name: string, spans: Span[]): void => {
    for (let i = 1; i < spans.length; i++) {
      const p = spans[i - 1] as Span
      const c = spans[i] as Span
      if (c.start < p.start || (c.start === p.start && c.end > p.end)) {
        out.push(`${name} ${i} [${c.start},${c.end}) comes after [${p.start},${p.end})`)
      }
    }
  }
  sorted('block', a.blocks)
  sorted('sentence', a.sentences)
  sorted('mention', a.mentions)
  sorted(
    'attribution',
    a.attributions.map((x) => x.content),
  )
  sorted('time', a.times)
  sorted('technique', a.techniques)
  sorted('claim', a.claims)
  return out
}

/** Ids unique within each layer; every reference resolves, both ways for mention ↔ entity; no parent cycle. */
export function referenceProblems(a: Analysis): string[] {
  const out: string[] = []
  const unique = (name: string, ids: string[]): void => {
    const seen = new Set<string>()
    for (const id of ids) {
      if (seen.has(id)) out.push(`${name}: duplicate id ${id}`)
      seen.add(id)
    }
  }
  unique(
    'mentions',
    a.mentions.map((m) => m.id),
  )
  unique(
    'entities',
    a.entities.map((e) => e.id),
  )
  unique(
    'attributions',
    a.attributions.map((x) => x.id),
  )
  unique(
    'times',
    a.times.map((t) => t.id),
  )
  unique(
    'techniques',
    a.techniques.map((p) => p.id),
  )
  unique(
    'claims',
    a.claims.map((c) => c.id),
  )
  const mentions = new Map(a.mentions.map((m) => [m.id as string, m]))
  const entities = new Map(a.entities.map((e) => [e.id as string, e]))
  const attributions = new Map(a.attributions.map((x) => [x.id as string, x]))
  for (const m of a.mentions) {
    if (m.entity === null) continue
    const e = entities.get(m.entity)
    if (!e) out.push(`${m.id} refers to missing entity ${m.entity}`)
    else if (!e.mentions.includes(m.id))
      out.push(`${m.id} → ${m.entity}, but ${m.entity} does not list ${m.id}`)
  }
  for (const e of a.entities) {
    for (const id of e.mentions) {
      const m = mentions.get(id)
      if (!m) out.push(`${e.id} lists missing mention ${id}`)
      else if (m.entity !== e.id) out.push(`${e.id} lists ${id}, which points to ${m.entity ?? 'no entity'}`)
    }
  }
  for (const x of a.attributions) {
    if (x.speaker !== null && !entities.has(x.speaker)) out.push(`${x.id} speaker ${x.speaker} missing`)
    if (x.parent !== null && !attributions.has(x.parent)) out.push(`${x.id} parent ${x.parent} missing`)
    // walk up the parents: a cycle would hang any renderer of nested speech
    const seen = new Set<string>([x.id])
    for (let p = x.parent; p !== null;) {
      if (seen.has(p)) {
        out.push(`${x.id}: parent chain loops at ${p}`)
        break
      }
      seen.add(p)
      p = attributions.get(p)?.parent ?? null
    }
  }
  for (const c of a.claims) {
    if (c.attribution !== null && !attributions.has(c.attribution))
      out.push(`${c.id} attribution ${c.attribution} missing`)
  }
  return out
}

/** Sentences in order, without overlap, each inside one block (when the document has blocks). */
export function sentenceProblems(a: Analysis): string[] {
  const out: string[] = []
  a.sentences.forEach((s, i) => {
    const prev = a.sentences[i - 1]
    if (prev && s.start < prev.end) out.push(`sentence ${i} [${s.start},${s.end}) overlaps the one before`)
    if (a.blocks.length && !a.blocks.some((b) => b.start <= s.start && s.end <= b.end)) {
      out.push(`sentence ${i} [${s.start},${s.end}) lies in no block`)
    }
  })
  return out
}

/**
 * Tokens are lossless: they never overlap or hold whitespace, each lies inside the sentence its
 * column names, and every non-space character of the text (so of every sentence) is in exactly one token.
 */
export function tokenProblems(view: DocView): string[] {
  const out: string[] = []
  const text = view.text
  const t = view.tokens
  const sentences = view.sentences
  const covered = new Uint8Array(text.length)
  for (let i = 0; i < t.count; i++) {
    const start = t.starts[i] as number
    const end = t.ends[i] as number
    const problem = spanProblem(text, { start, end })
    if (problem) out.push(`token ${i}: ${problem}`)
    if (i > 0 && start < (t.ends[i - 1] as number)) out.push(`token ${i} overlaps token ${i - 1}`)
    for (let k = start; k < end; k++) {
      covered[k] = (covered[k] as number) + 1
      if (isSpace(text[k] as string)) out.push(`token ${i} [${start},${end}) holds whitespace at ${k}`)
    }
    const s = sentences[t.sentence[i] as number]
    if (!s || start < s.start || end > s.end)
      out.push(`token ${i} [${start},${end}) is outside its sentence ${t.sentence[i]}`)
  }
  // the whole text, not only the sentences: a character outside every sentence would be dropped too
  for (let k = 0; k < text.length; k++) {
    const count = covered[k] as number
    const want = isSpace(text[k] as string) ? 0 : 1
    if (count !== want) {
      out.push(`character ${k} ${JSON.stringify(text[k])} is in ${count} tokens (want ${want})`)
      break
    }
  }
  return out
}

/**
 * Mentions and attribution spans (content, cue, source) start and end on token edges: the stages build
 * them from tokens, so a span cutting a token is a bug (a name inside "Salamimid"). Times are left out:
 * their finders match characters.
 */
export function alignmentProblems(view: DocView, a: Analysis): string[] {
  const out: string[] = []
  const check = (what: string, span: Span): void => {
    if (!view.tokensIn(span, 'strict')) {
      out.push(
        `${what} [${span.start},${span.end}) ${JSON.stringify(view.text.slice(span.start, span.end))} cuts a token`,
      )
    }
  }
  for (const m of a.mentions) check(m.id, m)
  for (const x of a.attributions) {
    check(`${x.id} content`, x.content)
    if (x.cue) check(`${x.id} cue`, x.cue)
    if (x.source) check(`${x.id} source`, x.source)
  }
  return out
}

/** All invariants of an analysis (and of its view's tokens when given). */
export function allProblems(a: Analysis, view?: DocView): string[] {
  return [
    ...spanProblems(a),
    ...orderProblems(a),
    ...referenceProblems(a),
    ...sentenceProblems(a),
    ...(view ? tokenProblems(view) : []),
  ]
}
