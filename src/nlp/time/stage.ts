import { z } from 'zod'
import { defineStage } from '../../pipeline/stage.js'
import { parseYmd } from './calendar.js'
import { extractTimes } from './extract.js'

/**
 * Time expressions normalised to TIMEX3 values against the publication date (`meta.published`), or
 * against the last date mentioned for anaphoric ones ("the next day"). See README.md for the anchor rules.
 *
 * @example createPipeline([tokensStage, timeStage]).run({ text: 'He left yesterday.', meta: { published: '2022-09-01' } })
 */
export const timeStage = defineStage({
  name: 'time',
  version: 1,
  requires: ['tokens', 'sentences'],
  provides: ['times'],
  options: z.object({}),
  run(doc, ctx) {
    const raw = doc.meta.published
    const published = parseYmd(raw)
    if (raw && published === null) {
      ctx.report({
        rule: 'bad-published',
        severity: 'warning',
        message: `published "${raw}" is not a valid YYYY-MM-DD date`,
      })
    }
    return { times: extractTimes(doc.text, doc.sentences, published) }
  },
})
