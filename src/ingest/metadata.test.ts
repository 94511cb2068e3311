import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { extractMetadata, primaryLanguage } from './metadata.js'

function meta(head: string, body = '', url?: string) {
  const { document } = parseHTML(
    `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`,
  ) as unknown as {
    document: Document
  }
  return extractMetadata(document, url ? { url } : {})
}

describe('extractMetadata', () => {
  it('prefers JSON-LD NewsArticle over meta tags', () => {
    const { meta: m } = meta(`
      <meta property="og:title" content="Salami: enemies will regret it">
      <meta property="article:published_time" content="2022-09-02T08:00:00Z">
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
        "headline":"IRGC chief warns Israel of crushing response","datePublished":"2022-09-01T21:10:00+04:30",
        "author":{"@type":"Person","name":"Tasnim staff"},"publisher":{"@type":"Organization","name":"Tasnim News Agency"},
        "inLanguage":"en"}</script>`)
    expect(m).toEqual({
      title: 'IRGC chief warns Israel of crushing response',
      published: '2022-09-01',
      url: null,
      outlet: 'Tasnim News Agency',
      byline: 'Tasnim staff',
      language: 'en',
    })
  })

  it('follows @graph and @id references', () => {
    const { meta: m } = meta(`<script type="application/ld+json">{"@graph":[
      {"@type":"Organization","@id":"#pub","name":"Kyiv Independent"},
      {"@type":"Person","@id":"#a1","name":"Olena Hrytsenko"},
      {"@type":"WebPage","@id":"#page","datePublished":"2024-01-01"},
      {"@type":["NewsArticle"],"headline":"Grid repairs continue","datePublished":"2024-01-05","author":[{"@id":"#a1"}],"publisher":{"@id":"#pub"}}]}</script>`)
    expect(m).toMatchObject({
      title: 'Grid repairs continue',
      published: '2024-01-05',
      outlet: 'Kyiv Independent',
      byline: 'Olena Hrytsenko',
    })
  })

  it.each([
    ['Parse.ly', '<meta name="parsely-pub-date" content="2021-06-30T14:00:00Z">', '2021-06-30'],
    ['Dublin Core', '<meta name="DC.date.issued" content="2019-11-05">', '2019-11-05'],
    ['sailthru', '<meta name="sailthru.date" content="2020-04-12 09:00:00">', '2020-04-12'],
    ['itemprop', '<meta itemprop="datePublished" content="2018-02-03">', '2018-02-03'],
    ['name=date', '<meta name="date" content="March 3, 2017">', '2017-03-03'],
  ])('reads the date from %s', (_, head, expected) => {
    expect(meta(head).meta.published).toBe(expected)
  })

  it('reads <time datetime>, preferring one marked as the publication date', () => {
    const body =
      '<time datetime="2020-01-01">Jan 1</time><article><time itemprop="datePublished" datetime="2021-05-06T10:00">May 6</time></article>'
    expect(meta('', body).meta.published).toBe('2021-05-06')
  })

  it('falls back to a date in the URL', () => {
    expect(
      meta('', '', 'https://www.example.com/politics/2016/10/19/debate-fact-check/').meta.published,
    ).toBe('2016-10-19')
  })

  it('reports a date it cannot read', () => {
    const result = meta('<meta property="article:published_time" content="last Tuesday">')
    expect(result.meta.published).toBeNull()
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['published-unreadable'])
  })

  it.each([
    [
      'og:site_name',
      '<meta property="og:site_name" content="Reuters">',
      'https://www.reuters.com/world/x',
      'Reuters',
    ],
    ['application-name', '<meta name="application-name" content="The Hindu">', undefined, 'The Hindu'],
    ['twitter:site', '<meta name="twitter:site" content="@AP">', undefined, 'AP'],
    ['the URL host', '', 'https://www.bbc.co.uk/news/world-123', 'bbc.co.uk'],
  ])('takes the outlet from %s', (_, head, url, expected) => {
    expect(meta(head, '', url).meta.outlet).toBe(expected)
  })

  it.each([
    ['<meta name="author" content="By Jane Doe">', 'Jane Doe'],
    [
      '<meta property="article:author" content="https://www.facebook.com/janedoe"><meta name="parsely-author" content="Jane Doe">',
      'Jane Doe',
    ],
  ])('reads the byline from %s', (head, expected) => {
    expect(meta(head).meta.byline).toBe(expected)
  })

  it('strips the site name from <title> only when it matches the outlet', () => {
    expect(
      meta(
        '<title>Dam breach floods villages - Al Jazeera</title><meta property="og:site_name" content="Al Jazeera">',
      ).meta.title,
    ).toBe('Dam breach floods villages')
    expect(meta('<title>Cats - the musical - returns</title>').meta.title).toBe(
      'Cats - the musical - returns',
    )
  })

  it('resolves a relative canonical link against the page URL', () => {
    expect(meta('<link rel="canonical" href="/a/b">').meta.url).toBeNull()
    expect(meta('<link rel="canonical" href="/a/b">', '', 'https://example.org/x?utm=1').meta.url).toBe(
      'https://example.org/x?utm=1',
    )
  })
})

describe('primaryLanguage', () => {
  it.each([
    ['en-GB', 'en'],
    ['pt_BR', 'pt'],
    ['FR', 'fr'],
    ['fil', 'fil'],
    ['', null],
    ['english', null],
  ])('%j → %j', (tag, expected) => {
    expect(primaryLanguage(tag)).toBe(expected)
  })
})

describe('extractMetadata: fallbacks for pages without metadata', () => {
  it('reads a date line in the page when nothing else gives a date', () => {
    const body = `<div class="sidebar"><span class="date">1. Januar 2001</span></div>
      <div class="entry-meta">Veröffentlicht am 14. Juni 2013 von Gnaur</div>`
    const result = meta('', body)
    expect(result.meta.published).toBe('2013-06-14')
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['published-from-text'])
  })

  it.each([
    [
      'the part a heading repeats',
      '<title>Blog Archiv » Podcasts in Plex einbinden</title>',
      '<h1>Podcasts in Plex einbinden</h1>',
      'Podcasts in Plex einbinden',
    ],
    [
      'the longer part, not the site logo heading',
      '<title>seelenradio » Nummer zwei: Leo</title>',
      '<h1>seelenradio</h1><h2>Nummer zwei: Leo</h2>',
      'Nummer zwei: Leo',
    ],
    [
      'the part before a short "| Site"',
      '<title>Enterprise 2.0 | HR Innovation</title>',
      '',
      'Enterprise 2.0',
    ],
    [
      'a title with a dash, kept whole',
      '<title>Anti-war protest - in pictures</title>',
      '',
      'Anti-war protest - in pictures',
    ],
  ])('takes from <title> %s', (_, head, body, expected) => {
    expect(meta(head, body).meta.title).toBe(expected)
  })
})
