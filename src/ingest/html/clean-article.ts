/**
 * Removes the furniture Readability leaves inside the article it picked: inline ad slots, share bars,
 * "related stories" boxes and "Advertisement" labels. Readability's own unlikely-candidate filter only
 * removes such nodes *before* it scores; small ones inside the winning container survive.
 */

/** Class or id words that mark furniture. Whole words only, so "headline" or "shadow" never match "ad". */
const FURNITURE_NAME =
  /(?:^|[\s_-])(?:ad|ads|adv|advert|advertisement|advertising|dfp|gpt|promo|sponsor|sponsored|newsletter|share|sharing|social|related|outbrain|taboola|paywall|subscribe|signup|recirc|recommended)(?:$|[\s_-])/i

/** Labels that stand alone as a whole block on ad slots. */
const AD_LABEL =
  /^(?:advertisement|advertising|sponsored(?: content)?|ad|anzeige|publicité|publicidad|pubblicità)(?:\s*[-–—:]\s*[\w\s]{0,40})?$/i

/**
 * Containers with more text than this are kept whatever their class says: a wrapper called
 * "article-share-body" may still hold the story.
 */
const MAX_FURNITURE_TEXT = 300

/**
 * Removes furniture from the article root in place.
 *
 * @example cleanArticle(article.content)
 */
export function cleanArticle(root: Element): number {
  let removed = 0
  for (const el of Array.from(root.querySelectorAll('[class], [id]'))) {
    if (!root.contains(el)) continue // inside something already removed
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`
    if (!FURNITURE_NAME.test(names)) continue
    if ((el.textContent ?? '').trim().length > MAX_FURNITURE_TEXT) continue
    el.remove()
    removed++
  }
  for (const el of Array.from(root.querySelectorAll('p, div, span, aside'))) {
    if (el.children.length === 0 && AD_LABEL.test((el.textContent ?? '').trim())) {
      el.remove()
      removed++
    }
  }
  return removed
}
