/**
 * Document metadata from an HTML page: meta tags (Open Graph, Parse.ly, Dublin Core, plain names), JSON-LD
 * (schema.org NewsArticle and kin), `<time datetime>`, `<html lang>` and the URL. Each field takes the first
 * source in a fixed order of trust; the order is data (the *_KEYS lists), not if chains.
 */
import type { Diagnostic } from '../model/diagnostics.js'
import { dateFromUrl, dateInText, normalizeDate } from './dates.js'

export interface PageMetadata {
  title: string | null
  published: string | null
  url: string | null
  outlet: string | null
  byline: string | null
  language: string | null
}

/** Ordered by trust: structured, article-specific keys first, generic ones last. */
const TITLE_KEYS = [
  'og:title',
  'twitter:title',
  'parsely-title',
  'sailthru.title',
  'dc.title',
  'dcterms.title',
  'title',
]
const PUBLISHED_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'og:published_time',
  'datepublished',
  'parsely-pub-date',
  'sailthru.date',
  'article.published',
  'published_time',
  'publish-date',
  'publishdate',
  'pubdate',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'dcterms.date',
  'dcterms.created',
  'date',
  'og:updated_time',
]
const AUTHOR_KEYS = [
  'author',
  'article:author',
  'parsely-author',
  'sailthru.author',
  'dc.creator',
  'dcterms.creator',
  'byl',
]
const OUTLET_KEYS = ['og:site_name', 'application-name', 'twitter:site', 'publisher', 'dc.publisher']
const LANGUAGE_KEYS = ['content-language', 'language', 'dc.language', 'og:locale']

/**
 * schema.org types that describe the page's article, best first: news articles of any subtype
 * (ReportageNewsArticle, OpinionNewsArticle…), live blogs, articles of any kind, postings, reports, and
 * last the web page itself.
 */
const ARTICLE_RANKS: readonly [RegExp, number][] = [
  [/NewsArticle$/, 0],
  [/^LiveBlogPosting$/, 1],
  [/^Article$/, 2],
  [/Article$/, 3],
  [/Posting$/, 4],
  [/^Report$/, 5],
  [/WebPage$/, 6],
]

/** Class, id or itemprop words of elements that show the date line ("Posted on 14. Juni 2013"). */
const DATE_LINE = /date|datum|fecha|publish|posted|time|byline|entry-meta|post-meta|article-meta/i
/** Date-like elements inside these are about something else (a comment, a teaser, an archive list). */
const NOT_THE_ARTICLE = /comment|sidebar|widget|footer|related|archive|teaser|recommend|popular|calendar/i
/** A date line is short; a long element is a container whose first date may belong to anything. */
const MAX_DATE_LINE = 200
/** Looking further down the page finds dates of other things. */
const MAX_DATE_LINES = 40

/** Caps the JSON-LD walk: real graphs have tens of nodes, hostile ones could have millions. */
const MAX_JSONLD_NODES = 5000

const SPACES = /\s+/g
const BY_PREFIX = /^by\s+/i
const URLISH = /^(?:https?:)?\/\//i
const TITLE_SEPARATOR = /\s+[|\u2013\u2014·•»-]\s+/g
const LANG = /^[a-z]{2,3}(?=$|[-_])/i
const CDATA = /^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$/g

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null
  const s = value.replace(SPACES, ' ').trim()
  return s || null
}

/** Meta tag contents by lower-case key (property, name, itemprop or http-equiv); the first one wins. */
function metaTags(document: Document): Map<string, string> {
  const tags = new Map<string, string>()
  for (const el of Array.from(document.querySelectorAll('meta'))) {
    const content = clean(el.getAttribute('content'))
    if (!content) continue
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase()
      if (key && !tags.has(key)) tags.set(key, content)
    }
  }
  return tags
}

function first(tags: Map<string, string>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = tags.get(key)
    if (value) return value
  }
  return null
}

/** Every JSON-LD object on the page (arrays and `@graph` flattened), plus an `@id` index for references. */
function jsonLdObjects(
  document: Document,
  diagnostics: Diagnostic[],
): { objects: JsonObject[]; byId: Map<string, JsonObject> } {
  const objects: JsonObject[] = []
  const byId = new Map<string, JsonObject>()
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let parsed: Json
    try {
      parsed = JSON.parse((script.textContent ?? '').replace(CDATA, '')) as Json
    } catch (error) {
      diagnostics.push({
        stage: 'ingest',
        rule: 'jsonld-invalid',
        severity: 'info',
        message: `a JSON-LD block is not valid JSON and was skipped (${(error as Error).message.slice(0, 80)})`,
      })
      continue
    }
    const queue: Json[] = [parsed]
    let seen = 0
    while (queue.length > 0 && seen < MAX_JSONLD_NODES) {
      const value = queue.shift() as Json
      seen++
      if (Array.isArray(value)) queue.push(...value)
      else if (value && typeof value === 'object') {
        if ('@type' in value) objects.push(value)
        const id = value['@id']
        if (typeof id === 'string' && !byId.has(id)) byId.set(id, value)
        const graph = value['@graph']
        if (graph) queue.push(graph)
        const main = value['mainEntity']
        if (main && typeof main === 'object') queue.push(main)
      }
    }
  }
  return { objects, byId }
}

function types(obj: JsonObject): string[] {
  const t = obj['@type']
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string')
}

/** How well an object's types describe the article (lower is better), or null when they do not. */
function articleRank(obj: JsonObject): number | null {
  let best: number | null = null
  for (const type of types(obj)) {
    for (const [pattern, rank] of ARTICLE_RANKS) {
      if (pattern.test(type) && (best === null || rank < best)) best = rank
    }
  }
  return best
}

/** Article-like objects, best first (stable: page order breaks ties). */
function rankArticles(objects: JsonObject[]): JsonObject[] {
  return objects
    .map((obj, index) => ({ obj, index, rank: articleRank(obj) }))
    .filter((x): x is { obj: JsonObject; index: number; rank: number } => x.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((x) => x.obj)
}

/** A name from a JSON-LD value: a string, `{name}`, an `@id` reference, or a list of those. */
function names(value: Json | undefined, byId: Map<string, JsonObject>, depth = 0): string[] {
  if (value === undefined || value === null || depth > 3) return []
  if (typeof value === 'string') return URLISH.test(value) ? [] : [value]
  if (Array.isArray(value)) return value.flatMap((v) => names(v, byId, depth + 1))
  if (typeof value === 'object') {
    const name = value['name']
    if (typeof name === 'string') return [name]
    const ref = value['@id']
    const target = typeof ref === 'string' ? byId.get(ref) : undefined
    if (target && target !== value) return names(target, byId, depth + 1)
  }
  return []
}

function stringField(obj: JsonObject | null, key: string): string | null {
  const v = obj?.[key]
  if (typeof v === 'string' || typeof v === 'number') return String(v)
  if (Array.isArray(v) && (typeof v[0] === 'string' || typeof v[0] === 'number')) return String(v[0])
  return null
}

function authorName(value: string | null): string | null {
  const s = clean(value)
  if (!s || URLISH.test(s)) return null
  return s.replace(BY_PREFIX, '') || null
}

function hostOf(url: string | null): string | null {
  if (!url) return null
  try {
    const host = new URL(url).hostname.toLowerCase()
    return host.replace(/^www\d?\./, '') || null
  } catch {
    return null
  }
}

function absoluteUrl(href: string | null | undefined, base: string | null): string | null {
  const h = clean(href)
  if (!h) return null
  try {
    return new URL(h, base ?? undefined).href
  } catch {
    return null
  }
}

/**
 * The `<title>` without the site name around it: the part a page heading repeats, else the part left when the
 * known site name is cut off an end, else (after a strong separator: | » ·) the longer part when the other is
 * short. Whatever is returned is a slice of the title, as written.
 */
function cleanDocumentTitle(
  title: string | null,
  outlet: string | null,
  headings: readonly string[],
): string | null {
  if (!title) return null
  const separators = [...title.matchAll(TITLE_SEPARATOR)]
  const firstSep = separators[0]
  const lastSep = separators[separators.length - 1]
  if (!firstSep || !lastSep) return title
  const before = (m: RegExpExecArray): string => title.slice(0, m.index).trim()
  const after = (m: RegExpExecArray): string => title.slice(m.index + m[0].length).trim()

  // Headings also hold the site logo ("seelenradio"), so the longest matching part wins, and a one- or
  // two-word match only when it is most of the title.
  const parts = separators.flatMap((m) => [before(m), after(m)])
  const keys = new Set(headings.map(looseKey).filter((k) => k.length > 0))
  const matched = parts.filter((p) => keys.has(looseKey(p))).sort((a, b) => b.length - a.length)[0]
  if (matched && (wordCount(matched) > 2 || wordCount(matched) * 2 >= wordCount(title))) return matched
  const site = outlet ? looseKey(outlet) : null
  if (site && looseKey(after(lastSep)) === site) return before(lastSep) || title
  if (site && looseKey(before(firstSep)) === site) return after(firstSep) || title
  if (
    STRONG_SEPARATOR.test(lastSep[0]) &&
    wordCount(after(lastSep)) <= 5 &&
    wordCount(before(lastSep)) >= 2
  ) {
    return before(lastSep)
  }
  if (
    STRONG_SEPARATOR.test(firstSep[0]) &&
    wordCount(before(firstSep)) <= 4 &&
    wordCount(after(firstSep)) >= 2
  ) {
    return after(firstSep)
  }
  return title
}

const NOT_WORD = /[^\p{L}\p{N}]+/gu
const WORD = /[\p{L}\p{N}]+/gu
/** Separators that never occur inside a headline, unlike "-" and "–". */
const STRONG_SEPARATOR = /[|»·•]/

function looseKey(s: string): string {
  return s.toLowerCase().replace(NOT_WORD, '')
}

function wordCount(s: string): number {
  return s.match(WORD)?.length ?? 0
}

/** Texts of the page's main headings, which a good `<title>` part repeats. */
function headingTexts(document: Document): string[] {
  return Array.from(document.querySelectorAll('h1, h2'))
    .slice(0, 6)
    .map((h) => clean(h.textContent) ?? '')
    .filter((t) => t.length > 0)
}

function classAndId(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('itemprop') ?? ''}`
}

function insideOtherContent(el: Element): boolean {
  for (let p = el.parentElement; p && p.localName !== 'body'; p = p.parentElement) {
    if (NOT_THE_ARTICLE.test(classAndId(p)) || p.localName === 'aside' || p.localName === 'footer')
      return true
  }
  return false
}

/**
 * The first date written in a short date-line element (`<time>`, or a class such as "entry-date",
 * "post-meta", "datum"), outside comments, sidebars and footers. The last resort, after metadata and URL.
 */
function dateFromDateLines(document: Document): string | null {
  let looked = 0
  for (const el of Array.from(document.querySelectorAll('time, [class], [id], [itemprop]'))) {
    if (el.localName !== 'time' && !DATE_LINE.test(classAndId(el))) continue
    if (el.localName === 'script' || el.localName === 'style' || el.localName === 'meta') continue
    const text = (el.textContent ?? '').replace(SPACES, ' ').trim()
    if (!text || text.length > MAX_DATE_LINE || insideOtherContent(el)) continue
    const date = dateInText(text)
    if (date) return date
    if (++looked >= MAX_DATE_LINES) break
  }
  return null
}

/** A BCP-47 tag's primary language subtag, lower-cased ("en-GB" → "en"), or null. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const m = tag ? LANG.exec(tag.trim()) : null
  return m ? m[0].toLowerCase() : null
}

/**
 * Reads a page's metadata. Call it before Readability, which changes the document.
 *
 * @example
 * const { document } = parseHTML(html)
 * extractMetadata(document, { url: 'https://www.tasnimnews.com/en/news/2022/09/01/x' }).outlet
 */
export function extractMetadata(
  document: Document,
  options: { url?: string | null } = {},
): { meta: PageMetadata; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = []
  const tags = metaTags(document)
  const { objects, byId } = jsonLdObjects(document, diagnostics)
  const articles = rankArticles(objects)
  const article = articles[0] ?? null

  const canonical = absoluteUrl(
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? tags.get('og:url'),
    options.url ?? null,
  )
  const url = options.url ?? canonical

  const outlet =
    clean(tags.get('og:site_name')) ??
    clean(names(article?.['publisher'], byId)[0]) ??
    clean(first(tags, OUTLET_KEYS.slice(1)))?.replace(/^@/, '') ??
    hostOf(url)

  const docTitle = clean(document.querySelector('title')?.textContent)
  const title =
    clean(stringField(article, 'headline')) ??
    clean(first(tags, TITLE_KEYS)) ??
    cleanDocumentTitle(docTitle, outlet, headingTexts(document)) ??
    clean(document.querySelector('h1')?.textContent)

  const timeEl =
    document.querySelector('time[pubdate][datetime], time[itemprop="datePublished"][datetime]') ??
    document.querySelector('article time[datetime]') ??
    document.querySelector('time[datetime]')
  const publishedCandidates: (string | null)[] = [
    ...articles.map((a) => stringField(a, 'datePublished')),
    ...PUBLISHED_KEYS.map((k) => tags.get(k) ?? null),
    stringField(article, 'dateCreated'),
    timeEl?.getAttribute('datetime') ?? null,
  ]
  let published: string | null = null
  let unreadable: string | null = null
  for (const candidate of publishedCandidates) {
    if (!candidate) continue
    published = normalizeDate(candidate)
    if (published) break
    unreadable ??= candidate
  }
  published ??= dateFromUrl(url)
  if (!published) {
    published = dateFromDateLines(document)
    if (published) {
      diagnostics.push({
        stage: 'ingest',
        rule: 'published-from-text',
        severity: 'info',
        message: `publication date ${published} read from the page text (no metadata gave one)`,
      })
    }
  }
  if (!published && unreadable) {
    diagnostics.push({
      stage: 'ingest',
      rule: 'published-unreadable',
      severity: 'info',
      message: `publication date "${unreadable.slice(0, 60)}" could not be read as a calendar date`,
    })
  }

  const jsonAuthors = names(article?.['author'], byId)
    .map(authorName)
    .filter((n): n is string => !!n)
  // Facebook profile URLs fill article:author on many sites; the first key holding a *name* wins.
  const metaAuthor =
    AUTHOR_KEYS.map((k) => authorName(tags.get(k) ?? null)).find((name) => name !== null) ?? null
  const byline = jsonAuthors.length > 0 ? [...new Set(jsonAuthors)].join(', ') : metaAuthor

  const language =
    primaryLanguage(document.documentElement?.getAttribute('lang')) ??
    primaryLanguage(stringField(article, 'inLanguage')) ??
    primaryLanguage(first(tags, LANGUAGE_KEYS))

  return { meta: { title, published, url, outlet, byline, language }, diagnostics }
}
