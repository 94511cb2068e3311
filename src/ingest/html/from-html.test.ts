import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { DocumentInput } from '../../pipeline/pipeline.js'
import { IngestError } from '../errors.js'
import { fromHtml } from './from-html.js'

const FIXTURES = new URL('../../../test/fixtures/ingest/', import.meta.url)
const fixture = (name: string): Buffer => readFileSync(new URL(name, FIXTURES))

function blockTexts(doc: DocumentInput): [string, string][] {
  return (doc.blocks ?? []).map((b) => [b.kind, doc.text.slice(b.start, b.end)])
}

describe('fromHtml: news article with navigation, ads, JSON-LD and Open Graph', () => {
  const doc = fromHtml(fixture('news-article.html'), {
    url: 'https://www.harbourherald.example/business/2023/03/14/port-strike-grain-exports',
  })
  const texts = blockTexts(doc)

  it('reads the metadata', () => {
    expect(doc.meta).toEqual({
      title: 'Port strike halts grain exports as talks collapse',
      published: '2023-03-14',
      url: 'https://www.harbourherald.example/business/2023/03/14/port-strike-grain-exports',
      outlet: 'The Harbour Herald',
      byline: 'Maria Okafor, Tomás Reyes',
      language: 'en',
    })
  })

  it('starts with the title block, once', () => {
    expect(texts[0]).toEqual(['title', 'Port strike halts grain exports as talks collapse'])
    expect(texts.filter(([, t]) => t.includes('Port strike halts'))).toHaveLength(1)
    expect(doc.blocks?.[0]).toEqual({ start: 0, end: 49, kind: 'title' })
  })

  it('keeps paragraphs, headings, quotes and list items with their kinds and offsets', () => {
    expect(texts).toContainEqual(['heading', 'Farmers count the cost'])
    expect(texts).toContainEqual([
      'blockquote',
      'Every day the ships sit there, someone else takes our customers.',
    ])
    expect(texts.filter(([kind]) => kind === 'list-item').map(([, t]) => t)).toEqual([
      'wheat shippers with contracts due in March;',
      'barley growers in the northern provinces;',
      'inland barge operators.',
    ])
    const paragraph =
      '“We have been patient for eight months,” said Helen Achterberg, the union’s regional secretary. “Our members have watched volumes double while wages stood still.”'
    const at = doc.text.indexOf(paragraph)
    expect(at).toBe(454)
    expect(doc.blocks).toContainEqual({ start: 454, end: 454 + paragraph.length, kind: 'paragraph' })
  })

  it('keeps curly and straight quotes exactly as the page has them', () => {
    expect(doc.text).toContain('“fair and final”')
    expect(doc.text).toContain('"until the operators put a serious offer on the table"')
    expect(doc.text).toContain("The dock workers' union")
  })

  it.each([
    'Subscribe today',
    'Advertisement',
    'Related stories',
    'Share on Facebook',
    'Privacy policy',
    'morning briefing',
    'dataLayer',
  ])('leaves out page furniture: %s', (furniture) => {
    expect(doc.text).not.toContain(furniture)
  })

  it('separates blocks with a blank line', () => {
    const blocks = doc.blocks ?? []
    for (let i = 1; i < blocks.length; i++) {
      expect(doc.text.slice(blocks[i - 1]!.end, blocks[i]!.start)).toBe('\n\n')
    }
    expect(blocks.at(-1)?.end).toBe(doc.text.length)
  })
})

describe('fromHtml: windows-1252 page given as bytes', () => {
  const doc = fromHtml(fixture('windows-1252.html.bytes'))

  it('decodes by the meta charset', () => {
    expect(doc.text).toContain('« Nous n’avons pas été entendus », a déclaré jeudi matin Gérard Lefèvre')
    expect(doc.text).toContain('circuleraient “presque normalement” – mais')
    expect(doc.text).not.toContain('\uFFFD')
    expect(doc.diagnostics ?? []).toEqual([])
  })

  it('reads French metadata and strips the site name from <title>', () => {
    expect(doc.meta).toMatchObject({
      title: 'Grève à la SNCF : le trafic très perturbé jeudi',
      published: '2024-02-08',
      outlet: 'Le Courrier du Rhône',
      byline: 'Élodie Marchand',
      language: 'fr',
      url: null,
    })
  })

  it('lets a transport charset override the page', () => {
    const wrong = fromHtml(fixture('windows-1252.html.bytes'), { charset: 'iso-8859-7' })
    expect(wrong.text).not.toContain('Gérard')
  })
})

describe('fromHtml: live blog', () => {
  const doc = fromHtml(fixture('live-blog.html'), { url: 'https://coastline.example/live/storm-elin' })
  const texts = blockTexts(doc)

  it('keeps every entry, in page order', () => {
    const headings = texts.filter(([kind]) => kind === 'heading').map(([, t]) => t)
    expect(headings).toEqual([
      'Evacuation order extended',
      'Power cut to 400,000 homes',
      'Bridge closed',
      'Landfall',
    ])
    expect(doc.text).toContain('"If you are in the surge zone, leave now," she told a briefing')
  })

  it('turns <br> into a newline inside the paragraph', () => {
    expect(texts).toContainEqual([
      'paragraph',
      'The regional utility said about 400,000 customers were without power, most of them along the coast south of Port Avery.\nCrews will not be sent out until winds drop below 40 mph.',
    ])
  })

  it('resolves the JSON-LD publisher reference and reads the live blog date', () => {
    expect(doc.meta).toMatchObject({
      published: '2024-10-09',
      outlet: 'Coastline Daily',
      byline: 'Dana Whitfield',
    })
  })

  it.each(['Most read', 'BREAKING NEWS', 'Terms', 'Advertisement'])('leaves out %s', (furniture) => {
    expect(doc.text).not.toContain(furniture)
  })
})

describe('fromHtml: structure and whitespace', () => {
  it.each([
    [
      'collapses inline whitespace',
      '<p>The   minister\n  said\tno.</p>',
      [['paragraph', 'The minister said no.']],
    ],
    ['keeps NBSP as content', '<p>Rs&nbsp;500 fine</p>', [['paragraph', 'Rs\u00a0500 fine']]],
    [
      'decodes entities',
      '<p>&ldquo;Yes,&rdquo; said O&#39;Neill &amp; co.</p>',
      [['paragraph', "“Yes,” said O'Neill & co."]],
    ],
    [
      'splits on a double <br>',
      '<div>First line<br><br>Second part</div>',
      [
        ['paragraph', 'First line'],
        ['paragraph', 'Second part'],
      ],
    ],
    [
      'gives a <p> inside a <blockquote> the quote kind',
      '<blockquote><p>One.</p><p>Two.</p></blockquote>',
      [
        ['blockquote', 'One.'],
        ['blockquote', 'Two.'],
      ],
    ],
    [
      'reads figcaptions',
      '<figure><img src=x><figcaption>Crowds in Tehran.</figcaption></figure>',
      [['caption', 'Crowds in Tehran.']],
    ],
    [
      'joins table cells with a space',
      '<table><tr><td>Turnout</td><td>48%</td></tr></table>',
      [['paragraph', 'Turnout 48%']],
    ],
    [
      'skips scripts inside the article',
      '<p>Before <script>alert(1)</script>after.</p>',
      [['paragraph', 'Before after.']],
    ],
  ])('%s', (_, html, expected) => {
    expect(blockTexts(fromHtml(html))).toEqual(expected)
  })

  it.each(['Related stories', 'Read more:', 'Mehr zum Thema', 'Lesen Sie auch'])(
    'drops a short "%s" box at the foot of the article',
    (heading) => {
      const story = `<p>${'The committee said the report would be published in the spring, after talks with the unions. '.repeat(6)}</p>`
      const html = `<html><body><article>${story}${story}<h2>${heading}</h2><ul><li><a href="/a">Budget row deepens</a></li></ul></article></body></html>`
      const doc = fromHtml(html)
      expect(doc.text).toContain('after talks with the unions.')
      expect(doc.text).not.toContain('Budget row deepens')
      expect(doc.text).not.toContain(heading)
    },
  )

  it('keeps a section whose heading only looks like a "more" box when a long text follows', () => {
    const long = `<p>${'Officials said the inquiry would examine every contract signed since 2019. '.repeat(30)}</p>`
    const doc = fromHtml(`<html><body><article>${long}<h2>Read more</h2>${long}</article></body></html>`)
    expect(doc.text).toContain('Read more')
  })

  it('survives 10 000 levels of nesting, with a diagnostic', () => {
    const html = `<html><body>${'<div>'.repeat(10_000)}<p>Deep text survives.</p>${'</div>'.repeat(10_000)}</body></html>`
    const doc = fromHtml(html)
    expect(doc.text).toBe('Deep text survives.')
    expect(doc.diagnostics?.map((d) => d.rule)).toContain('html-too-deep')
  })

  it('survives 10 000 unclosed inline tags', () => {
    const doc = fromHtml(`<p>${'<b>word '.repeat(10_000)}end</p>`)
    expect(doc.text.endsWith('word end')).toBe(true)
    expect(doc.text.split('word').length - 1).toBe(10_000)
  })

  it('reads broken HTML without crashing', () => {
    const doc = fromHtml(
      '<html><body><p>Unclosed <b>bold <i>text</p><p>Second</div> paragraph.</span></body>',
    )
    expect(doc.text).toContain('Unclosed bold text')
    expect(doc.text).toContain('Second paragraph.')
  })

  it('falls back to the body without its furniture when Readability gives up, and says so', () => {
    const doc = fromHtml(fixture('news-article.html'), { maxElements: 5 })
    expect(doc.diagnostics?.map((d) => d.rule)).toContain('readability-fallback')
    expect(doc.text).toContain('Talks are due to resume on Thursday under a government-appointed mediator.')
    expect(doc.text).not.toContain('Subscribe today')
    expect(doc.text).not.toContain('Privacy policy')
  })

  it('uses the whole body when its only text is in a footer', () => {
    const doc = fromHtml('<html><body><footer>Contact: press@example.org</footer></body></html>')
    expect(doc.text).toBe('Contact: press@example.org')
    expect(doc.diagnostics?.map((d) => d.rule)).toContain('readability-fallback')
  })

  it('reports an invalid JSON-LD block and goes on', () => {
    const doc = fromHtml('<script type="application/ld+json">{"headline": </script><p>Text.</p>')
    expect(doc.text).toBe('Text.')
    expect(doc.diagnostics?.map((d) => d.rule)).toContain('jsonld-invalid')
  })

  it('rejects a 50 MB page by its size before parsing', () => {
    const page = `<html><body>${'<p>Filler paragraph.</p>'.repeat(2_300_000)}</body></html>`
    expect(() => fromHtml(page)).toThrow(/is \d+(\.\d)? MB, over the 20 MB limit/)
    expect(() => fromHtml(Buffer.from(page), { maxBytes: 1024 })).toThrow(IngestError)
  })

  it('throws IngestError for a page without text', () => {
    expect(() => fromHtml('<html><body><img src="a.jpg"></body></html>')).toThrow(IngestError)
  })
})
