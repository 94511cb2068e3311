/**
 * An analyzer for corpus tests: documents whose text is one of the store fixtures get the fixture's
 * hand-made analysis (with attributions, whatever the state of the NLP stages); any other text runs
 * through the real pipeline in process.
 */
import { fixtureAnalysis, type FixtureDocument } from '../store/contract-fixtures.js'
import { contentHash } from '../store/rows.js'
import { analyzeTask, prepareAnalysis, type AnalyzedDocument, type AnalyzeTask } from './analyze-worker.js'

/**
 * An analyzer that knows the given fixtures by content hash.
 *
 * @example ingestCorpus(['batch.jsonl'], store, { analyzer: fixtureAnalyzer([IRGC_PRESS_TV]) })
 */
export function fixtureAnalyzer(
  fixtures: FixtureDocument[],
): (task: AnalyzeTask) => Promise<AnalyzedDocument> {
  const byHash = new Map(fixtures.map((f) => [contentHash(f.text), f]))
  return async (task) => {
    const fixture = byHash.get(contentHash(task.input.text))
    if (!fixture) return analyzeTask(task)
    // What ingest found (outlet, date, title) wins over the fixture's own metadata, as it would for a real analysis.
    const meta = task.input.meta ?? {}
    const analysis = fixtureAnalysis({
      ...fixture,
      outlet: meta.outlet ?? fixture.outlet,
      published: meta.published ?? fixture.published,
      title: meta.title ?? fixture.title,
      url: meta.url ?? fixture.url,
    })
    return prepareAnalysis(task, analysis)
  }
}
