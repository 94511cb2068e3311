/**
 * Test support (imported only by *.test.ts): a pipeline of the real tokenizer, hand-made mentions and
 * entities standing in for the entities and coref stages, and this stage. Lets speaker resolution be
 * tested before, and independently of, the NER and coreference models.
 */
import { z } from 'zod'
import type { Analysis } from '../../model/analysis.js'
import type { Entity, EntityId, EntityType, Mention, MentionKind } from '../../model/layers.js'
import { createPipeline } from '../../pipeline/pipeline.js'
import { defineStage } from '../../pipeline/stage.js'
import { tokensStage } from '../tokens/stage.js'
import { attributionStage } from './stage.js'

/** A hand-made mention: every occurrence of `surface` (or only the `nth`, 0-based) refers to `entity`. */
export interface FakeMention {
  surface: string
  type: EntityType
  kind?: MentionKind
  /** Entity name; mentions with the same name share an entity. */
  entity: string
  nth?: number
}

/** Runs tokens -> hand-made mentions/entities -> attribution on `text`. */
export function runAttribution(text: string, fakes: readonly FakeMention[] = []): Analysis {
  const found: { start: number; end: number; fake: FakeMention }[] = []
  for (const fake of fakes) {
    let n = 0
    for (let at = text.indexOf(fake.surface); at >= 0; at = text.indexOf(fake.surface, at + 1)) {
      const before = text[at - 1] ?? ' '
      const after = text[at + fake.surface.length] ?? ' '
      if (/\p{L}/u.test(before) || /\p{L}/u.test(after)) continue // whole words only: "he" is not in "the"
      if (fake.nth === undefined || fake.nth === n)
        found.push({ start: at, end: at + fake.surface.length, fake })
      n++
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  const names = [...new Set(fakes.map((f) => f.entity))]
  const entityId = (name: string): EntityId => `e${names.indexOf(name) + 1}`
  const mentions: Mention[] = found.map((f, i) => ({
    id: `m${i + 1}`,
    start: f.start,
    end: f.end,
    type: f.fake.type,
    kind: f.fake.kind ?? 'name',
    entity: entityId(f.fake.entity),
  }))
  const entities: Entity[] = names.map((name) => ({
    id: entityId(name),
    type: fakes.find((f) => f.entity === name)?.type ?? 'PERSON',
    name,
    titles: [],
    mentions: mentions.filter((m) => m.entity === entityId(name)).map((m) => m.id),
  }))
  const fakeEntities = defineStage({
    name: 'entities',
    version: 0,
    requires: ['tokens', 'sentences'],
    provides: ['mentions', 'entities'],
    options: z.object({}),
    run: () => ({ mentions, entities }),
  })
  return createPipeline([tokensStage, fakeEntities, attributionStage], { validate: true }).run({ text })
}

/** Surface of a span of the analysed text, or null. */
export function surface(analysis: Analysis, span: { start: number; end: number } | null): string | null {
  return span ? analysis.document.text.slice(span.start, span.end) : null
}
