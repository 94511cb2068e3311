import { z } from 'zod'
import { defineStage } from '../../pipeline/stage.js'

/** Time expressions normalised to TIMEX3 against the publication date. Being implemented (issue 2). */
export const timeStage = defineStage({
  name: 'time',
  version: 0,
  requires: ['tokens', 'sentences'],
  provides: ['times'],
  options: z.object({}),
  run: () => ({ times: [] }),
})
