/**
 * Ties a technique span to the voice that uses it: the innermost attribution whose content holds most
 * of the span, or null when the outlet speaks in its own voice. Works with an empty attributions layer
 * (everything is then the outlet's voice).
 */
import type { Attribution, AttributionId } from '../../model/layers.js'
import type { Span } from '../../model/span.js'

/**
 * The id of the innermost attribution whose content covers at least half of `span`, else null.
 *
 * @example
 * attributionFor({ start: 40, end: 58 }, view.layer('attributions')) // 'a3' or null
 */
export function attributionFor(span: Span, attributions: readonly Attribution[]): AttributionId | null {
  let best: Attribution | null = null
  const need = (span.end - span.start) / 2
  for (const a of attributions) {
    const c = a.content
    const overlap = Math.min(c.end, span.end) - Math.max(c.start, span.start)
    if (overlap < need || overlap <= 0) continue
    if (!best || c.end - c.start < best.content.end - best.content.start) best = a
  }
  return best ? best.id : null
}
