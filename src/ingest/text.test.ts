import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { IngestError } from './errors.js'
import { fromText } from './text.js'

const ARTICLE = [
  'IRGC chief warns of "crushing response"',
  '',
  'Major General Hossein Salami said on Tuesday that any attack would meet a "crushing response".',
  'He spoke at a ceremony in Tehran.',
  '',
  '',
  '“We are ready,” he added.',
].join('\n')

function surfaces(doc: {
  text: string
  blocks?: { start: number; end: number; kind: string }[]
}): string[][] {
  return (doc.blocks ?? []).map((b) => [b.kind, doc.text.slice(b.start, b.end)])
}

function ingestError(run: () => unknown): IngestError {
  try {
    run()
  } catch (error) {
    if (error instanceof IngestError) return error
    throw error
  }
  throw new Error('expected an IngestError')
}

describe('fromText', () => {
  it('splits paragraphs on blank lines and keeps the text as written', () => {
    const doc = fromText(ARTICLE)
    expect(doc.text).toBe(ARTICLE)
    expect(surfaces(doc)).toEqual([
      ['paragraph', 'IRGC chief warns of "crushing response"'],
      [
        'paragraph',
        'Major General Hossein Salami said on Tuesday that any attack would meet a "crushing response".\nHe spoke at a ceremony in Tehran.',
      ],
      ['paragraph', '“We are ready,” he added.'],
    ])
    expect(doc.blocks?.[2]).toEqual({ start: 172, end: 197, kind: 'paragraph' })
  })

  it('marks the first paragraph as the title only when asked', () => {
    const doc = fromText(ARTICLE, { titleFirstLine: true })
    expect(doc.blocks?.[0]).toEqual({ start: 0, end: 39, kind: 'title' })
    expect(doc.meta?.title).toBe('IRGC chief warns of "crushing response"')
    expect(doc.blocks?.slice(1).every((b) => b.kind === 'paragraph')).toBe(true)
    expect(fromText(ARTICLE).meta?.title).toBeNull()
  })

  it('takes only the first line as the title when no blank line follows it', () => {
    const text =
      'New Zealand begins process to consider changing national flag design\nThursday, May 7, 2015\nOn Tuesday, the government announced a public process.'
    const doc = fromText(text, { titleFirstLine: true })
    expect(surfaces(doc)).toEqual([
      ['title', 'New Zealand begins process to consider changing national flag design'],
      ['paragraph', 'Thursday, May 7, 2015\nOn Tuesday, the government announced a public process.'],
    ])
    expect(doc.meta?.title).toBe('New Zealand begins process to consider changing national flag design')
  })

  it.each([
    ['\\r\\n', 'Salami spoke.\r\n\r\nHe added more.\r\n', 'Salami spoke.\n\nHe added more.\n'],
    ['lone \\r', 'Salami spoke.\r\rHe added more.', 'Salami spoke.\n\nHe added more.'],
  ])('normalises %s newlines', (_, input, expected) => {
    const doc = fromText(input)
    expect(doc.text).toBe(expected)
    expect(surfaces(doc)).toEqual([
      ['paragraph', 'Salami spoke.'],
      ['paragraph', 'He added more.'],
    ])
  })

  it('treats lines of spaces and tabs as blank, and trims blocks without touching inner spaces', () => {
    const text = '  Officials  said   the talks failed.  \n \t \n\tTalks resume Thursday.'
    const doc = fromText(text)
    expect(doc.text).toBe(text)
    expect(surfaces(doc)).toEqual([
      ['paragraph', 'Officials  said   the talks failed.'],
      ['paragraph', 'Talks resume Thursday.'],
    ])
  })

  it('strips a UTF-8 byte-order mark from bytes and from strings', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Café owners protested.')])
    expect(fromText(bytes).text).toBe('Café owners protested.')
    expect(fromText('\uFEFFCafé owners protested.').text).toBe('Café owners protested.')
  })

  it('decodes UTF-16 with a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Zürich voted “yes”.', 'utf16le')])
    expect(fromText(bytes).text).toBe('Zürich voted “yes”.')
  })

  it('replaces invalid UTF-8 with U+FFFD and says where', () => {
    const bytes = Buffer.concat([
      Buffer.from('The minister said the café was closed '),
      Buffer.from([0xff]),
      Buffer.from(' on Monday.'),
    ])
    const doc = fromText(bytes)
    expect(doc.text).toBe('The minister said the café was closed \uFFFD on Monday.')
    expect(doc.diagnostics).toEqual([
      expect.objectContaining({ stage: 'ingest', rule: 'invalid-utf8', severity: 'warning' }),
    ])
    expect(doc.diagnostics?.[0]?.message).toContain('byte 39')
  })

  it('recognises windows-1252 text by its curly quotes and accents', () => {
    const original =
      '“Nous n’avons pas été entendus”, a déclaré Gérard Lefèvre devant la gare. Selon lui, la grève pourrait être reconduite dès lundi – et les syndicats préparent déjà la suite.'
    const doc = fromText(iconv.encode(original, 'windows-1252'))
    expect(doc.text).toBe(original)
    expect(doc.diagnostics?.[0]?.rule).toBe('charset-guessed')
  })

  it('uses a declared charset', () => {
    const doc = fromText(iconv.encode('Łódź mayor resigns', 'iso-8859-2'), { charset: 'ISO-8859-2' })
    expect(doc.text).toBe('Łódź mayor resigns')
  })

  it('rejects input over the size limit before decoding it', () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x61)
    const error = ingestError(() => fromText(big))
    expect(error.code).toBe('too-large')
    expect(error.message).toBe('text input is 50 MB, over the 20 MB limit (raise maxBytes to accept it)')
  })

  it('takes a configurable size limit for strings too', () => {
    expect(ingestError(() => fromText('Prices rose sharply.', { maxBytes: 10 })).code).toBe('too-large')
    expect(fromText('Prices rose.', { maxBytes: 12 }).text).toBe('Prices rose.')
  })

  it('names the source in errors', () => {
    const error = ingestError(() => fromText('', { source: 'notes/empty.txt' }))
    expect(error.code).toBe('empty')
    expect(error.message).toBe('notes/empty.txt is empty (no visible text)')
  })
})
