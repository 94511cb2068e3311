import { z } from 'zod'
import { defineStage } from '../../pipeline/stage.js'

/** Who said what: source / cue / content. Being implemented (issue 2). */
export const attributionStage = defineStage({
  name: 'attribution',
  version: 0,
  requires: ['tokens', 'sentences', 'mentions', 'entities'],
  provides: ['attributions'],
  options: z.object({}),
  run: () => ({ attributions: [] }),
})
