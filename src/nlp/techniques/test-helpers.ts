/**
 * Test helpers: run the tokens, entities and techniques stages over real text, with a stand-in for the
 * attribution stage that returns given attributions (so these tests do not depend on its progress).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import type { Attribution } from '../../model/layers.js'
import { createPipeline } from '../../pipeline/pipeline.js'
import { defineStage } from '../../pipeline/stage.js'
import { entitiesStage } from '../entities/stage.js'
import { tokensStage } from '../tokens/stage.js'
import { projectRoot } from './paths.js'
import { techniquesStage } from './stage.js'

/**
 * The techniques layer of `text`, with `attributions` standing in for the attribution stage.
 *
 * @example
 * techniquesOf('Iran will stand with the Palestinians to the end.')
 */
export function techniquesOf(text: string, attributions: Attribution[] = [], minScore = 0) {
  const fixed = defineStage({
    name: 'attribution',
    version: 0,
    requires: ['tokens', 'sentences'],
    provides: ['attributions'],
    options: z.object({}),
    run: () => ({ attributions }),
  })
  return createPipeline([tokensStage, entitiesStage, fixed, techniquesStage], {
    validate: true,
    options: { techniques: { minScore } },
  }).run({ text })
}

/** A golden-corpus article's text. @example corpusText('irgc-salami-interview') */
export function corpusText(slug: string): string {
  return readFileSync(path.join(projectRoot(), 'test', 'corpus', slug, 'source.txt'), 'utf8')
}
