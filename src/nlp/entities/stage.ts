import { z } from 'zod'
import { defineStage } from '../../pipeline/stage.js'

/** Named-entity mentions (names and acronyms). Being implemented in issue 2 (entities helper). */
export const entitiesStage = defineStage({
  name: 'entities',
  version: 0,
  requires: ['tokens', 'sentences'],
  provides: ['mentions'],
  options: z.object({}),
  run: () => ({ mentions: [] }),
})
