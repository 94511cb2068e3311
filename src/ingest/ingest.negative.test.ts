/** Inputs that must yield no document at all: each is refused with a typed, explained IngestError. */
import { describe, expect, it } from 'vitest'
import { IngestError, type IngestErrorCode } from './errors.js'
import { fromHtml } from './html/from-html.js'
import { fromText } from './text.js'

const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
])
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n')
const NUL_IN_TEXT = Buffer.from('The council voted\u0000 on Monday.')
const CONTROLS = Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)))

const cases: [string, string | Uint8Array, IngestErrorCode, RegExp][] = [
  ['empty string', '', 'empty', /is empty/],
  ['empty bytes', new Uint8Array(0), 'empty', /is empty/],
  ['only whitespace', ' \n\t\n  \r\n', 'empty', /is empty/],
  ['only a BOM', Buffer.from([0xef, 0xbb, 0xbf]), 'empty', /is empty/],
  ['a PNG image', PNG, 'binary', /looks like a PNG image/],
  ['a PDF file', PDF, 'binary', /looks like a PDF document/],
  ['a NUL byte', NUL_IN_TEXT, 'binary', /NUL byte at offset 17/],
  ['many control bytes', CONTROLS, 'binary', /control bytes/],
  ['a NUL in a string', 'The council\u0000 voted.', 'binary', /NUL/],
]

function codeOf(run: () => unknown): [IngestErrorCode, string] | null {
  try {
    run()
    return null
  } catch (error) {
    if (error instanceof IngestError) return [error.code, error.message]
    throw error
  }
}

describe('ingest negative cases', () => {
  it.each(cases)('fromText refuses %s', (_, input, code, message) => {
    const result = codeOf(() => fromText(input))
    expect(result?.[0]).toBe(code)
    expect(result?.[1]).toMatch(message)
  })

  it.each(cases)('fromHtml refuses %s', (_, input, code, message) => {
    const result = codeOf(() => fromHtml(input))
    expect(result?.[0]).toBe(code)
    expect(result?.[1]).toMatch(message)
  })

  it.each([
    [
      'markup without text',
      '<html><head><title></title></head><body><div><img src="a.png"></div></body></html>',
    ],
    ['only scripts and styles', '<script>var a = "text";</script><style>p { color: red }</style>'],
    ['a comment', '<!-- nothing to see -->'],
  ])('fromHtml refuses %s as empty', (_, html) => {
    expect(codeOf(() => fromHtml(html))?.[0]).toBe('empty')
  })
})
