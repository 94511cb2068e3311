/**
 * The golden corpus (STYLE §5a): every document in test/corpus/ runs through the full preset.
 * Gold facts (hand-checked, gold.json) say the output is right, one test per fact so every failure is
 * reported; the snapshot (expected.json) says whether anything changed, and fails with the rendered
 * diff. After an intended change: `npm run corpus:update -- <slug>|all`, then review the printed diff.
 */
import { describe, expect, it } from 'vitest'
import { analyze } from '../src/analyze.js'
import type { Analysis } from '../src/model/analysis.js'
import { renderDiff } from '../src/model/render.js'
import { corpusSlugs, loadCorpusDoc, snapshotJson, type CorpusDoc } from './helpers/corpus.js'
import { checkGoldFact, factTitle, namedTexts, type GoldFact } from './helpers/gold.js'

const docs: CorpusDoc[] = corpusSlugs().map(loadCorpusDoc)
const analyses = new Map<string, Analysis>()

/** Each document is analysed once per test file, on first use. */
function analysisOf(doc: CorpusDoc): Analysis {
  let analysis = analyses.get(doc.slug)
  if (!analysis) {
    analysis = analyze(doc.input)
    analyses.set(doc.slug, analysis)
  }
  return analysis
}

describe('golden corpus', () => {
  it('has documents, each with gold facts', () => {
    expect(docs.length).toBeGreaterThanOrEqual(4)
    for (const doc of docs) expect([doc.slug, doc.gold.length > 0]).toEqual([doc.slug, true])
  })
})

describe.each(docs.map((doc) => [doc.slug, doc] as const))('corpus %s', (slug, doc) => {
  const numbered = doc.gold.map((fact, index) => [`#${index + 1} ${factTitle(fact)}`, fact] as const)
  const check = (_title: string, fact: GoldFact): void => {
    const failure = checkGoldFact(analysisOf(doc), fact, `test/corpus/${slug}/gold.json: `)
    if (failure) expect.fail(failure)
  }
  const knownMiss = (fact: GoldFact): boolean => 'knownMiss' in fact && fact.knownMiss !== undefined
  const holding = numbered.filter(([, fact]) => !knownMiss(fact))
  const missed = numbered.filter(([, fact]) => knownMiss(fact))
  if (holding.length) it.each(holding)('gold %s', check)
  // Facts the pipeline is known to miss (`knownMiss` says why): expected to fail; once one holds, this
  // test fails and the mark must be removed from gold.json.
  if (missed.length) it.fails.each(missed)('known miss %s', check)
  // it.fails passes on any failure, a typo in the fact's text too: a known miss must name real text.
  if (missed.length) {
    it('every known miss names text that is in the document', () => {
      const text = analysisOf(doc).document.text
      const unfound = missed.filter(([, fact]) => namedTexts(fact).some((s) => !text.includes(s)))
      expect(unfound.map(([title]) => title)).toEqual([])
    })
  }

  it('matches expected.json (run `npm run corpus:update -- ' + slug + '` after an intended change)', () => {
    const analysis = analysisOf(doc)
    if (doc.expectedJson === null) {
      expect.fail(`test/corpus/${slug}/expected.json is missing: run npm run corpus:update -- ${slug}`)
    }
    // compared as data (re-serialised), so reformatting the file (prettier) is no change
    if (snapshotJson(analysis) !== snapshotJson(JSON.parse(doc.expectedJson))) {
      const diff = renderDiff(doc.expected, analysis)
      expect.fail(
        `test/corpus/${slug}/expected.json is out of date (+${diff.added} -${diff.removed}):\n${
          diff.text || '(only ids or JSON formatting differ)\n'
        }Review, then run: npm run corpus:update -- ${slug}`,
      )
    }
  })
})
