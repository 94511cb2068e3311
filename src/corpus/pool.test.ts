/**
 * The ingest pool on real articles: with two threads each document's analysis is cut in two and run on
 * two threads, and the rows must be exactly those of one thread analysing the whole document.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { corpusSlugs, loadCorpusDoc } from '../../test/helpers/corpus.js'
import { analyzeTask, type AnalyzeTask } from './analyze-worker.js'
import { startPool } from './pool.js'

const tasks: AnalyzeTask[] = corpusSlugs().map((slug) => ({
  input: loadCorpusDoc(slug).input,
  preset: 'full',
  source: `${slug}/source`,
}))

describe('startPool', () => {
  const pools = [startPool(2), startPool(1)]
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.close()))
  })

  it.each([
    [2, 0],
    [1, 1],
  ])(
    'with %i thread(s) gives the rows of a whole analysis on this thread',
    async (threads, which) => {
      const pool = pools[which] as (typeof pools)[number]
      expect(pool.threads).toBe(threads)
      expect(tasks.length).toBeGreaterThan(4)
      const pooled = await Promise.all(tasks.map((task) => pool.analyze(task)))
      tasks.forEach((task, i) => {
        const here = analyzeTask(task)
        expect(pooled[i]?.rows, task.source).toEqual(here.rows)
        expect(here.rows.statements.length + here.rows.claims.length, task.source).toBeGreaterThan(0)
      })
    },
    120_000,
  )

  it('runs the fast preset (no coreference to cut after) whole in the first half', async () => {
    const task: AnalyzeTask = { ...(tasks[0] as AnalyzeTask), preset: 'fast' }
    const { rows } = await (pools[0] as (typeof pools)[number]).analyze(task)
    expect(rows).toEqual(analyzeTask(task).rows)
  }, 60_000)
})
