/**
 * Main text: Mozilla Readability first (strict), the whole body minus page furniture when it finds nothing
 * (lenient). The fallback is recorded as a diagnostic, so a reader knows boilerplate may be in the text.
 */
import { Readability } from '@mozilla/readability'
import type { Diagnostic } from '../../model/diagnostics.js'
import { cleanArticle } from './clean-article.js'
import { parseDocument } from './parse.js'

/**
 * Readability gives up (throws) on more elements than this. Heavy news pages have ~15k elements; beyond
 * 100k its scoring passes take seconds, and the body fallback is the better deal.
 */
const MAX_ELEMENTS = 100_000

/** Page furniture removed from the body in the fallback: never article text. */
const FURNITURE =
  'nav, header, footer, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"]'

/**
 * Containers that CMSs use for the article body (schema.org microdata, WordPress, common news templates).
 * When Readability returns much less text than one of them holds, it picked the wrong node.
 */
const ARTICLE_BODY =
  '[itemprop="articleBody"], .entry-content, .post-content, .article-body, .article__body, .story-body, .post-body, .articleBody, #article-body'

/**
 * Readability's text must reach this share of the article-body container's text, or the container wins
 * (strict, then lenient: STYLE §3).
 */
const MIN_SHARE_OF_BODY = 0.5

/**
 * ...and only when Readability's text is short. A 5 000-character result is a real article even when the
 * container is bigger (BBC's story-body also holds related-video captions).
 */
const SHORT_ARTICLE = 2000

/**
 * True when Readability's text (in characters) is short and under half of what the page's article-body
 * container holds: then Readability picked the wrong node (typically a link-dense post it penalised).
 *
 * @example prefersArticleBody(234, 1605) // true
 * @example prefersArticleBody(5756, 19846) // false: a full article already
 */
export function prefersArticleBody(readabilityChars: number, bodyChars: number): boolean {
  return readabilityChars < SHORT_ARTICLE && readabilityChars < MIN_SHARE_OF_BODY * bodyChars
}

/** The largest article-body container's copy (Readability will change the original), or null. */
function articleBodyCandidate(document: Document): { copy: Element; length: number } | null {
  let best: Element | null = null
  let bestLength = 0
  for (const el of Array.from(document.querySelectorAll(ARTICLE_BODY))) {
    const length = (el.textContent ?? '').replace(SPACES, ' ').trim().length
    if (length > bestLength) {
      best = el
      bestLength = length
    }
  }
  return best ? { copy: best.cloneNode(true) as Element, length: bestLength } : null
}

const SPACES = /\s+/g

export interface MainContent {
  root: Element | null
  /** Readability's title guess (from <title>, headings and metadata). */
  title: string | null
  byline: string | null
  /** Which path found the text, for provenance. */
  method: 'readability' | 'article-body' | 'body-fallback'
  diagnostics: Diagnostic[]
}

/**
 * Finds the article content in `document`. Readability changes the document it reads, so the fallback
 * re-parses `html`.
 *
 * @example extractMain(document, html).root?.textContent
 */
export function extractMain(
  document: Document,
  html: string,
  options: { maxElements?: number } = {},
): MainContent {
  const diagnostics: Diagnostic[] = []
  const maxElements = options.maxElements ?? MAX_ELEMENTS
  // Readability's own maxElemsToParse counts getElementsByTagName('*'), which linkedom answers with 0.
  const elements = document.querySelectorAll('*').length
  let reason: string
  try {
    if (elements > maxElements) throw new Error(`the page has ${elements} elements, over ${maxElements}`)
    const candidate = articleBodyCandidate(document)
    const article = new Readability<Element>(document, { serializer: (node) => node as Element }).parse()
    if (article?.content && (article.textContent ?? '').trim()) {
      const length = (article.textContent ?? '').replace(SPACES, ' ').trim().length
      if (candidate && prefersArticleBody(length, candidate.length)) {
        for (const el of Array.from(candidate.copy.querySelectorAll(`script, style, ${FURNITURE}`)))
          el.remove()
        cleanArticle(candidate.copy)
        diagnostics.push({
          stage: 'ingest',
          rule: 'article-body-container',
          severity: 'info',
          message: `Readability kept ${length} characters of a ${candidate.length}-character article body; used the article body`,
        })
        return {
          root: candidate.copy,
          title: article.title ?? null,
          byline: article.byline ?? null,
          method: 'article-body',
          diagnostics,
        }
      }
      cleanArticle(article.content)
      return {
        root: article.content,
        title: article.title ?? null,
        byline: article.byline ?? null,
        method: 'readability',
        diagnostics,
      }
    }
    reason = 'found no article content'
  } catch (error) {
    reason = `failed (${(error as Error).message.slice(0, 100)})`
  }
  diagnostics.push({
    stage: 'ingest',
    rule: 'readability-fallback',
    severity: 'warning',
    message: `Readability ${reason}; using the page body without navigation, header and footer`,
  })
  const body = parseDocument(html).document.body
  const trimmed = body.cloneNode(true) as HTMLElement
  for (const el of Array.from(trimmed.querySelectorAll(FURNITURE))) el.remove()
  // A page whose only text sits in a footer or an aside still has that text to give.
  const root = (trimmed.textContent ?? '').trim() ? trimmed : body
  return { root, title: null, byline: null, method: 'body-fallback', diagnostics }
}
