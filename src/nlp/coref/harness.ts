/**
 * Test and evaluation harness: runs tokens -> hand-made name mentions -> coref, so coref can be tested
 * and scored without the trained NER. Not used at run time.
 */
import { z } from 'zod'
import type { Analysis } from '../../model/analysis.js'
import type { Block, EntityType, Mention, MentionKind } from '../../model/layers.js'
import { compareSpans } from '../../model/span.js'
import { createPipeline } from '../../pipeline/pipeline.js'
import { defineStage } from '../../pipeline/stage.js'
import { tokensStage } from '../tokens/stage.js'
import { corefStage } from './stage.js'

export interface NameSpec {
  start: number
  end: number
  type: EntityType
  kind?: MentionKind
}

/** Orders and numbers hand-made name mentions as the entities stage would. */
export function toMentions(specs: readonly NameSpec[]): Mention[] {
  return [...specs].sort(compareSpans).map((s, i) => ({
    id: `m${i + 1}` as const,
    start: s.start,
    end: s.end,
    type: s.type,
    kind: s.kind ?? 'name',
    entity: null,
  }))
}

const WORD_CHAR = /[\p{L}\p{N}]/u

/**
 * Name mentions for every whole-word occurrence of each surface, longest surfaces first, never
 * overlapping an earlier pick: `findNames(text, [['Hossein Salami', 'PERSON'], ['Salami', 'PERSON']])`.
 *
 * @example findNames('Salami said.', [['Salami', 'PERSON']]) // [{ start: 0, end: 6, type: 'PERSON' }]
 */
export function findNames(
  text: string,
  names: ReadonlyArray<readonly [string, EntityType, MentionKind?]>,
): NameSpec[] {
  const taken = new Uint8Array(text.length)
  const out: NameSpec[] = []
  for (const [surface, type, kind] of [...names].sort((a, b) => b[0].length - a[0].length)) {
    for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
      const end = at + surface.length
      if (WORD_CHAR.test(text[at - 1] ?? '') || WORD_CHAR.test(text[end] ?? '')) continue
      if (taken.subarray(at, end).some((x) => x === 1)) continue
      taken.fill(1, at, end)
      out.push({ start: at, end, type, kind: kind ?? 'name' })
    }
  }
  return out
}

/**
 * Runs tokens + the given mentions + coref over `text`.
 *
 * @example runCoref('Salami said.', [{ start: 0, end: 6, type: 'PERSON' }]).entities[0].name // 'Salami'
 */
export function runCoref(text: string, specs: readonly NameSpec[], blocks?: Block[]): Analysis {
  const mentions = toMentions(specs)
  const fakeMentions = defineStage({
    name: 'fake-mentions',
    version: 0,
    requires: ['tokens'],
    provides: ['mentions'],
    options: z.object({}),
    run: () => ({ mentions }),
  })
  return createPipeline([tokensStage, fakeMentions, corefStage], { validate: true }).run(
    blocks ? { text, blocks } : { text },
  )
}
