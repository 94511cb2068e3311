/**
 * Property tests (STYLE §5c) over generated text and every corpus document, with the full preset:
 * spans valid, layers sorted, ids unique, references resolved, sentences inside blocks, tokens
 * lossless, JSON round trip, determinism, and no exception on any Unicode input. Run counts stay
 * modest (the pipeline runs once per case) so the suite stays fast.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { pipelineFor } from '../src/analyze.js'
import { AnalysisSchema, type Analysis } from '../src/model/analysis.js'
import { renderDiff, renderItems } from '../src/model/render.js'
import type { DocumentInput } from '../src/pipeline/pipeline.js'
import { paragraphBlocks } from '../src/ingest/paragraphs.js'
import { corpusSlugs, loadCorpusDoc } from './helpers/corpus.js'
import { alignmentProblems, allProblems } from './helpers/invariants.js'

const pipeline = pipelineFor('full')

/** Pieces of news prose, chosen to exercise the hard spots: abbreviations, quotes, possessives, numbers, dates. */
const NEWS_PIECES = [
  'Salami',
  'Maj. Gen. Hossein Salami',
  'The IRGC chief commander',
  'Iran’s',
  "Lebanon's",
  'he',
  'she',
  'they',
  'said',
  'added',
  'noted',
  'told reporters',
  'according to',
  'that',
  'the Zionist regime',
  'U.S. officials',
  'Sen. Jane Roe, R-Texas',
  'Apple Inc.',
  'No. 10',
  'at 10:30 a.m.',
  'on Tuesday',
  'earlier in August',
  'since early 2022',
  'last week',
  'Sept. 1, 2022',
  '12.53%',
  '$1,020.5 million',
  '“',
  '”',
  '"',
  "'",
  '‘',
  '’',
  '(',
  ')',
  ',',
  '.',
  '!',
  '?',
  ':',
  ';',
  '…',
  '...',
  ' — ',
  '-',
  '\n',
  '\n\n',
  '• ',
  '🚀',
  '👨‍👩‍👧',
  '🇮🇷',
  'تهران',
  'ירושלים',
  '\u200f',
  'https://example.org/a.',
  '#Gaza',
  '@IRGC',
]

/** News-like text: pieces joined by spaces or nothing. */
const newsText = fc
  .array(fc.tuple(fc.constantFrom(...NEWS_PIECES), fc.constantFrom(' ', ' ', ' ', '', '\n')), {
    maxLength: 60,
  })
  .map((parts) => parts.map(([piece, sep]) => piece + sep).join(''))

/** Any UTF-16 code unit, lone surrogates and control characters included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code))
const anyText = fc.string({
  unit: fc.oneof(
    codeUnit,
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    fc.constantFrom(...NEWS_PIECES),
    fc.constantFrom(' ', '\n', '\t', '\r\n', '\u2028', '\u0000', '\u00a0', '\ufeff', '\u0301', '\u202e'),
  ),
  maxLength: 120,
})

/** Half the cases get paragraph blocks (as ingest makes them), half the pipeline's default block. */
function inputFor(text: string, withBlocks: boolean): DocumentInput {
  return {
    text,
    meta: { published: '2022-09-01' },
    ...(withBlocks ? { blocks: paragraphBlocks(text) } : {}),
  }
}

function analyseChecked(input: DocumentInput, aligned = false): Analysis {
  const { view, analysis } = pipeline.runToView(input)
  const problems = [...allProblems(analysis, view), ...(aligned ? alignmentProblems(view, analysis) : [])]
  if (problems.length)
    throw new Error(`${problems.length} invariant(s) broken:\n${problems.slice(0, 10).join('\n')}`)
  return analysis
}

function roundTrips(analysis: Analysis): void {
  const json = JSON.stringify(analysis)
  expect(JSON.parse(json)).toStrictEqual(analysis)
  const parsed = AnalysisSchema.safeParse(JSON.parse(json))
  if (!parsed.success) throw new Error(`AnalysisSchema rejects the output: ${parsed.error.message}`)
}

describe('properties of the full pipeline', () => {
  it('keeps every invariant on news-like text, mentions and attributions on token edges', () => {
    fc.assert(
      fc.property(newsText, fc.boolean(), (text, withBlocks) => {
        analyseChecked(inputFor(text, withBlocks), true)
      }),
      { numRuns: 150 },
    )
  })

  it('never throws and keeps every invariant on any Unicode (lone surrogates, RTL, controls, emoji)', () => {
    fc.assert(
      fc.property(anyText, fc.boolean(), (text, withBlocks) => {
        analyseChecked(inputFor(text, withBlocks))
      }),
      { numRuns: 150 },
    )
  })

  it('renders every analysis, and an analysis diffs to nothing against itself', () => {
    fc.assert(
      fc.property(fc.oneof(newsText, anyText), (text) => {
        const analysis = pipeline.run(inputFor(text, true))
        const items = renderItems(analysis)
        expect(items.filter((i) => /[\n\r\u2028\u2029]/.test(i.line))).toEqual([])
        expect(renderDiff(analysis, structuredClone(analysis)).text).toBe('')
        expect(renderDiff(null, analysis).added).toBe(items.length)
      }),
      { numRuns: 60 },
    )
  })

  it('round-trips through JSON and the schema, and gives byte-identical output twice', () => {
    fc.assert(
      fc.property(fc.oneof(newsText, anyText), (text) => {
        const first = pipeline.run(inputFor(text, true))
        roundTrips(first)
        expect(JSON.stringify(pipeline.run(inputFor(text, true)))).toBe(JSON.stringify(first))
      }),
      { numRuns: 60 },
    )
  })
})

describe.each(corpusSlugs())('properties on corpus %s', (slug) => {
  const doc = loadCorpusDoc(slug)

  it('keeps every invariant', () => {
    const { view, analysis } = pipeline.runToView(doc.input)
    expect(allProblems(analysis, view)).toEqual([])
  })

  it('puts mentions and attribution spans on token edges', () => {
    const { view, analysis } = pipeline.runToView(doc.input)
    expect(alignmentProblems(view, analysis)).toEqual([])
  })

  it('round-trips through JSON and the schema', () => {
    roundTrips(pipeline.run(doc.input))
  })

  it('is deterministic (two runs, byte-identical JSON)', () => {
    expect(JSON.stringify(pipeline.run(doc.input))).toBe(JSON.stringify(pipeline.run(doc.input)))
  })
})
