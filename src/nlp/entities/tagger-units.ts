/**
 * The units the entity tagger labels: the pipeline's tokens, except that a glued possessive is split off
 * ("Iran’s" → "Iran" + "’s") and a lone apostrophe followed by "s" is joined ("Iran 's" in CoNLL text →
 * "Iran" + "'s"). CoNLL, which the model learns from, always separates the possessive, so mentions end
 * before it in either spelling.
 */

export interface TaggerUnits {
  starts: number[]
  ends: number[]
  /** Surface of each unit. */
  texts: string[]
}

// A word with a possessive 's glued on; the stem must hold a letter ("'s" alone is not split).
const GLUED_POSSESSIVE = /^(\p{L}[\p{L}\p{M}\p{N}'’.-]*)(['’][sS])$/u

/**
 * Splits `word` into stem and possessive suffix, or returns null when it has none.
 *
 * @example
 * splitPossessive('Iran’s') // ['Iran', '’s']
 * splitPossessive('don’t') // null
 */
export function splitPossessive(word: string): [string, string] | null {
  const m = GLUED_POSSESSIVE.exec(word)
  return m ? [m[1] as string, m[2] as string] : null
}

/**
 * Tagger units for tokens `[first, last)` of a text.
 *
 * @example
 * // text "Iran’s IRGC", tokens [0,6) [7,11)
 * unitsFromTokens(text, [0, 7], [6, 11], 0, 2).texts // ['Iran', '’s', 'IRGC']
 */
export function unitsFromTokens(
  text: string,
  starts: ArrayLike<number>,
  ends: ArrayLike<number>,
  first: number,
  last: number,
): TaggerUnits {
  const units: TaggerUnits = { starts: [], ends: [], texts: [] }
  for (let i = first; i < last; i++) {
    const start = starts[i] as number
    const end = ends[i] as number
    const surface = text.slice(start, end)
    const split = splitPossessive(surface)
    if (split) {
      const cut = start + split[0].length
      push(units, start, cut, split[0])
      push(units, cut, end, split[1])
      continue
    }
    if ((surface === "'" || surface === '’') && i + 1 < last && starts[i + 1] === end) {
      const nextEnd = ends[i + 1] as number
      const next = text.slice(end, nextEnd)
      if (next === 's' || next === 'S') {
        push(units, start, nextEnd, surface + next)
        i++
        continue
      }
    }
    push(units, start, end, surface)
  }
  return units
}

function push(units: TaggerUnits, start: number, end: number, surface: string): void {
  units.starts.push(start)
  units.ends.push(end)
  units.texts.push(surface)
}
