/**
 * Participial attributions (", saying that …", ", adding that …") take the source of the attribution
 * whose cue comes before them in the same sentence ("He noted that …, adding that …"): the same speaker.
 * Without one the finder's sentence subject stays ("Salami referred to …, saying that …").
 * Input in layer order, nested (parents set).
 */
import type { AttributionDoc } from '../attribution-doc.js'
import type { Draft } from '../candidate.js'

/**
 * @example He noted that X, adding that Y. → the "adding" draft takes the source "He"
 */
export function linkMainClause(drafts: readonly Draft[], d: AttributionDoc): Draft[] {
  const out = [...drafts]
  out.forEach((draft, i) => {
    if (draft.inherit !== 'main-clause' || !draft.cue) return
    const cue = draft.cue
    const sentence = d.view.sentenceIndexAt(cue.start)
    let main = -1
    out.forEach((other, j) => {
      // the main clause is a sibling, not speech nested inside it ("he said the leader noted …, adding")
      if (j === i || !other.cue || other.cue.start >= cue.start || other.parent !== draft.parent) return
      if (d.view.sentenceIndexAt(other.cue.start) !== sentence) return
      const best = out[main]
      if (!best?.cue || other.cue.start > best.cue.start) main = j
    })
    const chosen = out[main]
    if (chosen) out[i] = { ...draft, source: chosen.source ?? draft.source, inheritsFrom: main }
  })
  return out
}
