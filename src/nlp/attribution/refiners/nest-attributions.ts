/**
 * Nested speech ("He said that the Supreme Leader has noted that Iran will …"): an attribution whose cue
 * and content lie inside another's content gets the smallest such one as parent. Input in layer order.
 */
import { contains } from '../../../model/span.js'
import type { Draft } from '../candidate.js'

/**
 * @example He said that the Leader has noted that Iran will … → the "has noted" draft gets parent = the "said" draft
 */
export function nestAttributions(drafts: readonly Draft[]): Draft[] {
  return drafts.map((inner, i) => {
    let parent: number | null = null
    drafts.forEach((outer, j) => {
      if (
        i === j ||
        !contains(outer.content, inner.content) ||
        !inner.cue ||
        !contains(outer.content, inner.cue)
      )
        return
      if (outer.content.start === inner.content.start && outer.content.end === inner.content.end) return
      const best = parent === null ? null : drafts[parent]
      if (!best || contains(best.content, outer.content)) parent = j
    })
    return { ...inner, parent }
  })
}
