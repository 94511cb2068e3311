/**
 * Removes the furniture Readability leaves inside the article it picked: inline ad slots, share bars,
 * "related stories" boxes and "Advertisement" labels. Readability's own unlikely-candidate filter only
 * removes such nodes *before* it scores; small ones inside the winning container survive.
 */

/** Class or id words that mark furniture. Whole words only, so "headline" or "shadow" never match "ad". */
const FURNITURE_NAME =
  /(?:^|[\s_-])(?:ad|ads|adv|advert|advertisement|advertising|dfp|gpt|promo|sponsor|sponsored|newsletter|share|sharing|social|related|outbrain|taboola|paywall|subscribe|signup|recirc|recommended)(?:$|[\s_-])/i

const SPACES = /\s+/g

/** Labels that stand alone as a whole block on ad slots. */
const AD_LABEL =
  /^(?:advertisement|advertising|sponsored(?: content)?|ad|anzeige|publicité|publicidad|pubblicità)(?:\s*[-–—:]\s*[\w\s]{0,40})?$/i

/**
 * Containers with more text than this are kept whatever their class says: a wrapper called
 * "article-share-body" may still hold the story.
 */
const MAX_FURNITURE_TEXT = 300

/**
 * Headings that open a "more from us" box at the foot of an article, not part of the story
 * (en, de, fr, es). Matched against the whole heading.
 */
const MORE_FROM_US =
  /^(?:related(?: (?:stories|articles|content|posts|coverage))?|read more|read next|more on this(?: story| topic)?|more from [\p{L} ]{1,30}|see also|you may also like|recommended(?: for you)?|most read|top stories|auch interessant|mehr zum thema|mehr zu[mr]? [\p{L} ]{1,30}|empfohlene beiträge|weitere artikel|lesen sie auch|das könnte sie auch interessieren|à lire aussi|lire aussi|sur le même sujet|te puede interesar|más información|noticias relacionadas)\s*:?$/iu

/** A "more" box is short; more text after such a heading means it was a real section title. */
const MAX_MORE_BOX_TEXT = 1500

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
  for (const heading of Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6'))) {
    if (!root.contains(heading)) continue
    const text = (heading.textContent ?? '').replace(SPACES, ' ').trim()
    if (!MORE_FROM_US.test(text)) continue
    const after: Element[] = []
    let length = 0
    for (let next = heading.nextElementSibling; next; next = next.nextElementSibling) {
      after.push(next)
      length += (next.textContent ?? '').length
    }
    if (length > MAX_MORE_BOX_TEXT) continue
    for (const el of [heading, ...after]) el.remove()
    removed += 1 + after.length
  }
  for (const el of Array.from(root.querySelectorAll('p, div, span, aside'))) {
    if (el.children.length === 0 && AD_LABEL.test((el.textContent ?? '').trim())) {
      el.remove()
      removed++
    }
  }
  return removed
}
