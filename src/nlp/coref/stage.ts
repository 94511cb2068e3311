import { z } from 'zod'
import { defineStage } from '../../pipeline/stage.js'

/** Mentions -> entities (surnames, acronyms, titles, role nouns, pronouns). Being implemented (issue 2). */
export const corefStage = defineStage({
  name: 'coref',
  version: 0,
  requires: ['tokens', 'sentences', 'mentions'],
  provides: ['entities'],
  updates: ['mentions'],
  options: z.object({}),
  run: (doc) => ({ entities: [], mentions: doc.layer('mentions') }),
})
