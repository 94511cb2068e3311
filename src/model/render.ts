/**
 * One line per annotation, for people reviewing a change: the golden corpus's snapshot diffs
 * (`npm run corpus:update`) and test failures show these lines, not raw JSON, as readability's
 * test-pages and the STYLE §5a review rule ask. The format may change between versions; the JSON is
 * the contract.
 */
import type { Analysis } from './analysis.js'
import type { Span } from './span.js'

/** One rendered annotation: its section (layer), where it starts, and the line itself. */
export interface RenderedItem {
  section: string
  start: number
  line: string
}

const SECTIONS = [
  'document',
  'blocks',
  'sentences',
  'mentions',
  'entities',
  'attributions',
  'times',
  'techniques',
  'claims',
  'diagnostics',
] as const

/** Every line terminator (a rendered item is one line whatever the text holds). */
const LINE_BREAK_RE = /\r\n|[\n\r\u2028\u2029]/g

/** Longest surface shown in full; longer ones keep their head and tail around an ellipsis. */
const MAX_SURFACE = 90

/**
 * A surface for one line: newlines shown as ⏎, long text cut in the middle, quoted.
 *
 * @example quoteSurface('He said\nno') // '"He said⏎no"'
 */
export function quoteSurface(surface: string, max = MAX_SURFACE): string {
  const flat = surface.replace(LINE_BREAK_RE, '⏎').replace(/\t/g, ' ')
  if (flat.length <= max) return `"${flat}"`
  const head = Math.ceil((max - 1) * 0.6)
  const tail = max - 1 - head
  return `"${flat.slice(0, head)}…${flat.slice(flat.length - tail)}"`
}

function spanText(span: Span): string {
  return `[${span.start},${span.end})`
}

/**
 * Renders every annotation of an analysis as one line each, in layer order.
 *
 * @example
 * renderItems(analysis).map((i) => i.line)
 * // ['provenance claimtrail 0.1.0 tokens@2 …', 'sentence [0,245) "Chief Commander …"', 'a1 indirect [96,245) "Hossein Salami" said: "that …" → e1 Hossein Salami', …]
 */
export function renderItems(analysis: Analysis): RenderedItem[] {
  const text = analysis.document.text
  const at = (span: Span): string => quoteSurface(text.slice(span.start, span.end))
  const items: RenderedItem[] = []
  const push = (section: string, start: number, line: string): void => {
    items.push({ section, start, line: line.replace(LINE_BREAK_RE, '⏎') })
  }
  const entities = new Map(analysis.entities.map((e) => [e.id, e]))
  const mentions = new Map(analysis.mentions.map((m) => [m.id, m]))
  const entityLabel = (id: string | null): string => {
    if (id === null) return '(none)'
    const e = entities.get(id as `e${number}`)
    return e ? `${id} ${e.name}` : `${id} (missing)`
  }

  const doc = analysis.document
  const stages = Object.entries(analysis.provenance.stages)
    .map(([name, version]) => `${name}@${version}`)
    .join(' ')
  const models = Object.entries(analysis.provenance.models)
    .map(([name, hash]) => `${name}:${hash.slice(0, 12)}`)
    .join(' ')
  push(
    'document',
    -1,
    `document published=${doc.published ?? '?'} title=${doc.title ? quoteSurface(doc.title) : '(none)'}`,
  )
  push(
    'document',
    -1,
    `provenance ${analysis.provenance.engine} ${stages}${models ? ` models ${models}` : ''}`,
  )

  for (const b of analysis.blocks) push('blocks', b.start, `block ${b.kind} ${spanText(b)} ${at(b)}`)
  for (const s of analysis.sentences) push('sentences', s.start, `sentence ${spanText(s)} ${at(s)}`)
  for (const m of analysis.mentions) {
    push(
      'mentions',
      m.start,
      `${m.id} ${m.type} ${m.kind} ${spanText(m)} ${at(m)} → ${entityLabel(m.entity)}`,
    )
  }
  for (const e of analysis.entities) {
    const first = mentions.get(e.mentions[0] as `m${number}`)
    const surfaces = [
      ...new Set(e.mentions.map((id) => mentions.get(id)).map((m) => (m ? text.slice(m.start, m.end) : '?'))),
    ]
    const titles = e.titles.length ? ` titles: ${e.titles.join('; ')};` : ''
    push(
      'entities',
      first?.start ?? -1,
      `${e.id} ${e.type} ${quoteSurface(e.name)}${titles} ${e.mentions.length} mention(s): ${surfaces.map((s) => quoteSurface(s, 40)).join(' ')}`,
    )
  }
  for (const a of analysis.attributions) {
    const source = a.source ? at(a.source) : '(no source)'
    const cue = a.cue ? text.slice(a.cue.start, a.cue.end).replace(/\s+/g, ' ') : '(no cue)'
    const parent = a.parent ? ` ⊂ ${a.parent}` : ''
    const stance = a.stance && a.stance !== 'neutral' ? ` ${a.stance}` : ''
    push(
      'attributions',
      a.content.start,
      `${a.id} ${a.mode}${stance} ${spanText(a.content)} ${source} ${cue}: ${at(a.content)} → ${entityLabel(a.speaker)}${parent} (${a.prov.rule})`,
    )
  }
  for (const t of analysis.times) {
    push(
      'times',
      t.start,
      `${t.id} ${t.type} ${t.value} ${spanText(t)} ${at(t)} known=${JSON.stringify(t.known)} implied=${JSON.stringify(t.implied)}`,
    )
  }
  for (const p of analysis.techniques) {
    push('techniques', p.start, `${p.id} ${p.technique} ${p.score.toFixed(2)} ${spanText(p)} ${at(p)}`)
  }
  for (const c of analysis.claims) {
    push(
      'claims',
      c.start,
      `${c.id} ${c.checkworthiness.toFixed(2)} ${spanText(c)} ${at(c)}${c.attribution ? ` → ${c.attribution}` : ''}`,
    )
  }
  for (const d of analysis.diagnostics) {
    const span =
      d.start !== undefined && d.end !== undefined ? ` ${spanText({ start: d.start, end: d.end })}` : ''
    push('diagnostics', d.start ?? -1, `${d.severity} ${d.stage}/${d.rule}${span} ${d.message}`)
  }
  return items
}

/** Ids renumber when one item is added before them; the diff compares lines with ids masked. */
const ID_RE = /\b[aceimpt]\d+\b/g

function keyOf(item: RenderedItem): string {
  return `${item.section}\u0000${item.line.replace(ID_RE, '#')}`
}

/** What changed between two analyses, rendered as `- old line` and `+ new line` per section. */
export interface RenderedDiff {
  added: number
  removed: number
  /** The diff lines grouped under section headers; empty when nothing changed. */
  text: string
}

/**
 * Diffs two analyses line by line (ids masked, so renumbering alone is no change), ordered by section
 * and then by offset, each removed line just before the added lines of the same position.
 *
 * @example
 * renderDiff(expected, actual).text
 * // '## attributions\n- a6 indirect [812,861) …\n+ a6 direct [812,861) "Salami" said: "…"\n'
 */
export function renderDiff(before: Analysis | null, after: Analysis): RenderedDiff {
  const old = before ? renderItems(before) : []
  const now = renderItems(after)
  const remaining = new Map<string, number>()
  for (const item of old) remaining.set(keyOf(item), (remaining.get(keyOf(item)) ?? 0) + 1)
  const added: RenderedItem[] = []
  for (const item of now) {
    const key = keyOf(item)
    const count = remaining.get(key) ?? 0
    if (count > 0) remaining.set(key, count - 1)
    else added.push(item)
  }
  const removed: RenderedItem[] = []
  for (const item of old) {
    const key = keyOf(item)
    const count = remaining.get(key) ?? 0
    if (count > 0) {
      remaining.set(key, count - 1)
      removed.push(item)
    }
  }
  const lines: string[] = []
  for (const section of SECTIONS) {
    const changes = [
      ...removed.filter((i) => i.section === section).map((i) => ({ ...i, sign: '-' })),
      ...added.filter((i) => i.section === section).map((i) => ({ ...i, sign: '+' })),
    ].sort((x, y) => x.start - y.start || (x.sign === y.sign ? 0 : x.sign === '-' ? -1 : 1))
    if (changes.length === 0) continue
    lines.push(`## ${section}`)
    for (const c of changes) lines.push(`${c.sign} ${c.line}`)
  }
  return { added: added.length, removed: removed.length, text: lines.length ? `${lines.join('\n')}\n` : '' }
}
