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

export interface MainContent {
  root: Element | null
  /** Readability's title guess (from <title>, headings and metadata). */
  title: string | null
  byline: string | null
  /** 'readability' or 'body-fallback', for provenance. */
  method: 'readability' | 'body-fallback'
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
    const article = new Readability<Element>(document, { serializer: (node) => node as Element }).parse()
    if (article?.content && (article.textContent ?? '').trim()) {
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
