/**
 * Properties over generated input: ingest never throws anything but IngestError, and every block it returns
 * lies inside the text, in order, without overlap, with no whitespace at either end.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { DocumentInput } from '../pipeline/pipeline.js'
import { IngestError } from './errors.js'
import { fromHtml } from './html/from-html.js'
import { fromText } from './text.js'

const EDGE_WHITESPACE = /^\s|\s$/

function checkBlocks(doc: DocumentInput): void {
  let previousEnd = 0
  for (const block of doc.blocks ?? []) {
    expect(block.start).toBeGreaterThanOrEqual(previousEnd)
    expect(block.end).toBeGreaterThan(block.start)
    expect(block.end).toBeLessThanOrEqual(doc.text.length)
    expect(EDGE_WHITESPACE.test(doc.text.slice(block.start, block.end))).toBe(false)
    previousEnd = block.end
  }
}

/** Runs an ingest function: a DocumentInput (checked) or an IngestError are fine; anything else fails. */
function ingestOrRefuse(run: () => DocumentInput): void {
  let doc: DocumentInput
  try {
    doc = run()
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError)
    return
  }
  checkBlocks(doc)
}

const TAGS = [
  'p',
  'div',
  'span',
  'h1',
  'h2',
  'blockquote',
  'li',
  'ul',
  'figcaption',
  'br',
  'b',
  'table',
  'td',
  'script',
  'html',
  'body',
]
const htmlPiece = fc.oneof(
  fc.constantFrom(...TAGS).map((t) => `<${t}>`),
  fc.constantFrom(...TAGS).map((t) => `</${t}>`),
  fc.constantFrom(
    '&amp;',
    '&nbsp;',
    '&#x1F600;',
    '&bogus;',
    '<!--',
    '-->',
    '<',
    '>',
    '"',
    "'",
    '\n',
    '  ',
    '\r\n',
  ),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
)
const htmlDoc = fc.array(htmlPiece, { maxLength: 60 }).map((parts) => parts.join(''))

const textDoc = fc.array(
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.constantFrom('\n', '\n\n', '\r\n', ' \t\n', '\u00a0', '\u2028'),
  ),
  { maxLength: 40 },
)

describe('ingest properties', () => {
  it('fromHtml on random markup returns valid blocks or an IngestError', () => {
    fc.assert(
      fc.property(htmlDoc, (html) => ingestOrRefuse(() => fromHtml(html))),
      { numRuns: 300 },
    )
  })

  it('fromHtml on random bytes returns valid blocks or an IngestError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => ingestOrRefuse(() => fromHtml(bytes))),
      { numRuns: 200 },
    )
  })

  it('fromText on random unicode keeps the text and returns valid blocks or an IngestError', () => {
    fc.assert(
      fc.property(textDoc, fc.boolean(), (parts, titleFirstLine) => {
        const input = parts.join('')
        ingestOrRefuse(() => {
          const doc = fromText(input, { titleFirstLine })
          expect(doc.text).toBe(input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'))
          return doc
        })
      }),
      { numRuns: 300 },
    )
  })

  it('fromText on random bytes returns valid blocks or an IngestError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => ingestOrRefuse(() => fromText(bytes))),
      { numRuns: 300 },
    )
  })

  it('fromText and fromHtml give the same output twice (determinism)', () => {
    fc.assert(
      fc.property(htmlDoc, (html) => {
        const once = (): string => {
          try {
            return JSON.stringify(fromHtml(html))
          } catch (error) {
            return (error as Error).message
          }
        }
        expect(once()).toBe(once())
      }),
      { numRuns: 50 },
    )
  })
})
