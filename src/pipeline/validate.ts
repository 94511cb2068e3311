/**
 * Development-time checks on the layers a stage returns (unified's `devlop` idea): schema, spans inside
 * the text, no split surrogate pairs, sorted order, unique ids and resolvable references.
 */
import { ClaimtrailError } from '../errors.js'
import type { LayerMap } from '../model/doc-view.js'
import {
  AttributionSchema,
  BlockSchema,
  ClaimSchema,
  EntitySchema,
  MentionSchema,
  SentenceSchema,
  TechniqueSchema,
  TimeExprSchema,
} from '../model/layers.js'
import { spanProblem, type Span } from '../model/span.js'
import type { z } from 'zod'

const SCHEMAS: Partial<Record<keyof LayerMap, z.ZodType>> = {
  blocks: BlockSchema,
  sentences: SentenceSchema,
  mentions: MentionSchema,
  entities: EntitySchema,
  attributions: AttributionSchema,
  times: TimeExprSchema,
  techniques: TechniqueSchema,
  claims: ClaimSchema,
}

/** The spans an item of a layer carries. */
function spansOf(layer: keyof LayerMap, item: Record<string, unknown>): Span[] {
  if (layer === 'entities') return []
  if (layer === 'attributions') {
    return [item.content, item.cue, item.source].filter((s): s is Span => s !== null && s !== undefined)
  }
  return [item as unknown as Span]
}

/** Layer sort key: the content span for attributions, the item itself otherwise. */
function orderSpan(layer: keyof LayerMap, item: Record<string, unknown>): Span | null {
  if (layer === 'entities') return null
  if (layer === 'attributions') return item.content as Span
  return item as unknown as Span
}

export function validateLayers(
  stage: string,
  text: string,
  produced: Partial<LayerMap>,
  all: Partial<LayerMap>,
): void {
  const fail = (layer: string, issues: string): never => {
    throw new ClaimtrailError('CT0105', { stage, layer, issues })
  }
  for (const [name, value] of Object.entries(produced) as [keyof LayerMap, unknown][]) {
    if (name === 'tokens') {
      const t = value as LayerMap['tokens']
      for (let i = 0; i < t.count; i++) {
        const problem = spanProblem(text, { start: t.starts[i] as number, end: t.ends[i] as number })
        if (problem) fail(name, `token ${i}: ${problem}`)
        if (i > 0 && (t.starts[i] as number) < (t.ends[i - 1] as number)) fail(name, `token ${i} overlaps`)
      }
      continue
    }
    const schema = SCHEMAS[name]
    if (!schema || !Array.isArray(value)) continue
    const ids = new Set<string>()
    let previous: Span | null = null
    value.forEach((item: Record<string, unknown>, index: number) => {
      const parsed = schema.safeParse(item)
      if (!parsed.success)
        fail(name, `item ${index}: ${parsed.error.issues.map((i) => i.message).join('; ')}`)
      for (const span of spansOf(name, item)) {
        const problem = spanProblem(text, span)
        if (problem) fail(name, `item ${index}: ${problem}`)
      }
      const key = orderSpan(name, item)
      if (
        key &&
        previous &&
        (key.start < previous.start || (key.start === previous.start && key.end > previous.end))
      ) {
        fail(name, `item ${index} is out of order (layers sort by start asc, end desc)`)
      }
      if (key) previous = key
      const id = item.id
      if (typeof id === 'string') {
        if (ids.has(id)) fail(name, `duplicate id ${id}`)
        ids.add(id)
      }
    })
    if (name === 'sentences') {
      const sentences = value as Span[]
      for (let i = 1; i < sentences.length; i++) {
        if ((sentences[i] as Span).start < (sentences[i - 1] as Span).end)
          fail(name, `sentence ${i} overlaps`)
      }
    }
  }
  checkReferences(all, fail)
}

function checkReferences(all: Partial<LayerMap>, fail: (layer: string, issues: string) => never): void {
  const mentionIds = new Set((all.mentions ?? []).map((m) => m.id))
  const entityIds = new Set((all.entities ?? []).map((e) => e.id))
  const attributionIds = new Set((all.attributions ?? []).map((a) => a.id))
  if (all.entities) {
    for (const m of all.mentions ?? []) {
      if (m.entity !== null && !entityIds.has(m.entity))
        fail('mentions', `${m.id} refers to missing ${m.entity}`)
    }
    for (const e of all.entities) {
      for (const m of e.mentions) if (!mentionIds.has(m)) fail('entities', `${e.id} refers to missing ${m}`)
    }
  }
  for (const a of all.attributions ?? []) {
    if (a.speaker !== null && !entityIds.has(a.speaker))
      fail('attributions', `${a.id} speaker ${a.speaker} missing`)
    if (a.parent !== null && !attributionIds.has(a.parent))
      fail('attributions', `${a.id} parent ${a.parent} missing`)
  }
  for (const c of all.claims ?? []) {
    if (c.attribution !== null && !attributionIds.has(c.attribution)) {
      fail('claims', `${c.id} attribution ${c.attribution} missing`)
    }
  }
}
