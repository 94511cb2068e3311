/** Drafts (in layer order) -> the `attributions` layer: ids a1..aN, parents and speakers by id. */
import type { Attribution, AttributionId, EntityId } from '../../model/layers.js'
import type { Draft } from './candidate.js'

/**
 * @example two drafts, the second nested in the first → ids a1, a2 and a2.parent = "a1"
 */
export function toLayer(drafts: readonly Draft[]): Attribution[] {
  const id = (i: number): AttributionId => `a${i + 1}`
  return drafts.map((draft, i) => ({
    id: id(i),
    mode: draft.mode,
    cue: draft.cue,
    content: draft.content,
    source: draft.source,
    speaker: draft.speaker as EntityId | null,
    parent: draft.parent === null ? null : id(draft.parent),
    ...(draft.stance ? { stance: draft.stance } : {}),
    prov: { stage: 'attribution', rule: draft.rule },
  }))
}
