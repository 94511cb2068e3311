/**
 * Human-readable renderings of an analysis for the terminal: a who-said-what listing grouped by speaker.
 * JSON output is the contract; this text is for people and may change between versions.
 */
import type { Analysis } from '../model/analysis.js'
import type { Attribution, Entity } from '../model/layers.js'

const MAX_CONTENT = 240

function clip(text: string, max = MAX_CONTENT): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

function speakerLabel(a: Attribution, entities: Map<string, Entity>, text: string): string {
  const entity = a.speaker ? entities.get(a.speaker) : undefined
  if (entity) return entity.name
  if (a.source) return `${text.slice(a.source.start, a.source.end)} (unresolved)`
  return '(no source in the text)'
}

/**
 * Renders the who-said-what listing: one section per speaker (most statements first), each statement
 * with its mode, cue, content and offsets; nested statements are indented under their parent.
 *
 * @example
 * process.stdout.write(renderText(analysis))
 */
export function renderText(analysis: Analysis): string {
  const { text } = analysis.document
  const entities = new Map(analysis.entities.map((e) => [e.id, e]))
  const lines: string[] = []
  const doc = analysis.document
  lines.push(doc.title ? `${doc.title}` : `Document ${analysis.id ?? ''}`.trim())
  const meta = [
    doc.published && `published ${doc.published}`,
    doc.outlet,
    doc.byline && `by ${doc.byline}`,
    doc.url,
  ].filter(Boolean)
  if (meta.length) lines.push(meta.join(' · '))
  lines.push('')

  const groups = new Map<string, Attribution[]>()
  for (const a of analysis.attributions) {
    const label = speakerLabel(a, entities, text)
    const list = groups.get(label) ?? []
    list.push(a)
    groups.set(label, list)
  }
  const byId = new Map(analysis.attributions.map((a) => [a.id, a]))
  const ordered = [...groups.entries()].sort((x, y) => y[1].length - x[1].length || x[0].localeCompare(y[0]))
  for (const [label, list] of ordered) {
    const entity = list[0]?.speaker ? entities.get(list[0].speaker) : undefined
    const titles = entity?.titles.length ? ` — ${entity.titles.join('; ')}` : ''
    lines.push(`${label}${titles}: ${list.length} statement${list.length === 1 ? '' : 's'}`)
    for (const a of list) {
      const cue = a.cue ? text.slice(a.cue.start, a.cue.end) : '(no cue)'
      const source = a.source ? text.slice(a.source.start, a.source.end) : ''
      const parent = a.parent ? byId.get(a.parent) : undefined
      const within = parent ? `  (inside ${parent.id}, ${speakerLabel(parent, entities, text)})` : ''
      lines.push(
        `  ${a.id} ${a.mode} [${a.content.start},${a.content.end}) ${source ? `${source} ` : ''}${cue}: ${clip(
          text.slice(a.content.start, a.content.end),
        )}${within}`,
      )
    }
    lines.push('')
  }
  const attributed = new Set<number>()
  for (const a of analysis.attributions) {
    analysis.sentences.forEach((s, i) => {
      if (s.start < a.content.end && a.content.start < s.end) attributed.add(i)
    })
  }
  const own = analysis.sentences.length - attributed.size
  lines.push(`Outlet's own voice: ${own} of ${analysis.sentences.length} sentences carry no attribution.`)
  if (analysis.times.length) {
    lines.push('')
    lines.push('Times:')
    for (const t of analysis.times) {
      lines.push(
        `  ${t.id} ${t.type} ${t.value}  "${clip(text.slice(t.start, t.end), 60)}" [${t.start},${t.end})`,
      )
    }
  }
  if (analysis.techniques.length) {
    lines.push('')
    lines.push('Persuasion techniques (who uses them):')
    for (const p of analysis.techniques) {
      const voice = p.attribution ? byId.get(p.attribution) : undefined
      const who = voice ? speakerLabel(voice, entities, text) : "outlet's voice"
      lines.push(
        `  ${p.id} ${p.technique} ${p.score.toFixed(2)}  "${clip(text.slice(p.start, p.end), 60)}" [${p.start},${p.end}) — ${who}`,
      )
    }
  }
  if (analysis.claims.length) {
    lines.push('')
    lines.push('Check-worthy claims (most check-worthy first; a score ranks, it is no verdict):')
    const ranked = [...analysis.claims].sort(
      (x, y) => y.checkworthiness - x.checkworthiness || x.start - y.start,
    )
    for (const c of ranked) {
      const voice = c.attribution ? byId.get(c.attribution) : undefined
      const who = voice ? `${speakerLabel(voice, entities, text)} (${voice.id})` : "outlet's voice"
      lines.push(
        `  ${c.id} ${c.checkworthiness.toFixed(2)}  ${who}: "${clip(text.slice(c.start, c.end), 160)}" [${c.start},${c.end})`,
      )
    }
  }
  const problems = analysis.diagnostics.filter((d) => d.severity !== 'info')
  if (problems.length) {
    lines.push('')
    lines.push('Diagnostics:')
    for (const d of problems) lines.push(`  ${d.severity} ${d.stage}/${d.rule}: ${d.message}`)
  }
  return `${lines.join('\n')}\n`
}
