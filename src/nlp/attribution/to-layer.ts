/** Drafts -> the `attributions` layer: ids a1..aN in layer order, parents and speakers by id. */
import type { Attribution, AttributionId, EntityId } from '../../model/layers.js'
import type { Draft } from './candidate.js'

/**
 * The drafts come in layer order except where a refiner grew a content after the sort (a floating
 * quotation merged into the attribution before it: "“A,” he said. “B.”" now ends later than another
 * attribution with the same start), so the layer is put in order (content start asc, end desc; stable)
 * here, and parents are mapped through it.
 *
 * @example two drafts, the second nested in the first → ids a1, a2 and a2.parent = "a1"
 */
export function toLayer(drafts: readonly Draft[]): Attribution[] {
  const order = drafts.map((_, i) => i)
  order.sort((a, b) => {
    const x = (drafts[a] as Draft).content
    const y = (drafts[b] as Draft).content
    return x.start - y.start || y.end - x.end || a - b
  })
  const position = new Array<number>(drafts.length)
  order.forEach((draftIndex, at) => (position[draftIndex] = at))
  const id = (i: number): AttributionId => `a${(position[i] as number) + 1}`
  return order.map((i) => {
    const draft = drafts[i] as Draft
    return {
      id: id(i),
      mode: draft.mode,
      cue: draft.cue,
      content: draft.content,
      source: draft.source,
      speaker: draft.speaker as EntityId | null,
      parent: draft.parent === null ? null : id(draft.parent),
      ...(draft.stance ? { stance: draft.stance } : {}),
      prov: { stage: 'attribution', rule: draft.rule },
    }
  })
}
