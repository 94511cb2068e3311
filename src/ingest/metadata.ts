/**
 * Document metadata from an HTML page: meta tags (Open Graph, Parse.ly, Dublin Core, plain names), JSON-LD
 * (schema.org NewsArticle and kin), `<time datetime>`, `<html lang>` and the URL. Each field takes the first
 * source in a fixed order of trust; the order is data (the *_KEYS lists), not if chains.
 */
import type { Diagnostic } from '../model/diagnostics.js'
import { dateFromUrl, normalizeDate } from './dates.js'

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

/** schema.org types that describe the article itself, in order of preference. */
const ARTICLE_TYPES = [
  'NewsArticle',
  'ReportageNews',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'LiveBlogPosting',
  'Article',
  'BlogPosting',
  'Report',
  'ScholarlyArticle',
  'WebPage',
]

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

function pickArticle(objects: JsonObject[]): JsonObject | null {
  for (const type of ARTICLE_TYPES) {
    const found = objects.find((o) => types(o).includes(type))
    if (found) return found
  }
  return null
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
 * The `<title>` minus a trailing or leading site name ("Salami warns Israel | Tasnim News") when the site
 * name is known. The rest is kept exactly as written.
 */
function cleanDocumentTitle(title: string | null, outlet: string | null): string | null {
  if (!title || !outlet) return title
  const site = outlet.toLowerCase()
  const separators = [...title.matchAll(TITLE_SEPARATOR)]
  const firstSep = separators[0]
  const lastSep = separators[separators.length - 1]
  if (lastSep && title.slice(lastSep.index + lastSep[0].length).toLowerCase() === site) {
    return title.slice(0, lastSep.index).trim() || title
  }
  if (firstSep && title.slice(0, firstSep.index).toLowerCase() === site) {
    return title.slice(firstSep.index + firstSep[0].length).trim() || title
  }
  return title
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
  const article = pickArticle(objects)

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
    cleanDocumentTitle(docTitle, outlet) ??
    clean(document.querySelector('h1')?.textContent)

  const timeEl =
    document.querySelector('time[pubdate][datetime], time[itemprop="datePublished"][datetime]') ??
    document.querySelector('article time[datetime]') ??
    document.querySelector('time[datetime]')
  const publishedCandidates: (string | null)[] = [
    stringField(article, 'datePublished'),
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
  const metaAuthor = AUTHOR_KEYS.map((k) => authorName(tags.get(k) ?? null)).find((name) => name !== null) ?? null
  const byline = jsonAuthors.length > 0 ? [...new Set(jsonAuthors)].join(', ') : metaAuthor

  const language =
    primaryLanguage(document.documentElement?.getAttribute('lang')) ??
    primaryLanguage(stringField(article, 'inLanguage')) ??
    primaryLanguage(first(tags, LANGUAGE_KEYS))

  return { meta: { title, published, url, outlet, byline, language }, diagnostics }
}
