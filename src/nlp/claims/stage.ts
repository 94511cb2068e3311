import { z } from 'zod'
import type { Claim } from '../../model/layers.js'
import { defineStage } from '../../pipeline/stage.js'
import { checkworthiness, loadClaimsModel } from './model-file.js'
import { statements } from './statements.js'

/**
 * Check-worthy claims: every statement (an attribution's content, or a sentence in the outlet's own
 * voice) scored by a check-worthiness model trained on ClaimBuster and CLEF CheckThat! debates; those at
 * or above the threshold are the claims, each tied to its attribution (null: the outlet's voice). The
 * score ranks; it is not a verdict, and a claim is never asserted as true or false. See README.md.
 *
 * @example
 * createPipeline([tokensStage, entitiesStage, corefStage, attributionStage, claimsStage])
 */
export const claimsStage = defineStage({
  name: 'claims',
  version: 1,
  requires: ['sentences', 'attributions'],
  provides: ['claims'],
  options: z.object({
    /**
     * Keep statements whose check-worthiness is at least this; default: the model's threshold (best F1
     * on the held-out part of the training data). 0 keeps every statement, scored.
     */
    minCheckworthiness: z.number().min(0).max(1).optional(),
    /** A folder holding model.json and its weights (default: the shipped models/claims). */
    model: z.string().optional(),
  }),
  run(doc, ctx) {
    const model = loadClaimsModel(ctx.options.model)
    ctx.useModel('claims', model.hash)
    const min = ctx.options.minCheckworthiness ?? model.threshold
    const claims: Claim[] = []
    for (const s of statements(doc.text, doc.sentences, doc.layer('attributions'))) {
      const score = Math.round(checkworthiness(model, doc.text.slice(s.start, s.end)) * 1000) / 1000
      if (score < min) continue
      claims.push({
        id: `c${claims.length + 1}`,
        start: s.start,
        end: s.end,
        attribution: s.attribution,
        checkworthiness: score,
        prov: { stage: 'claims', rule: 'checkworthiness:logistic-regression', score },
      })
    }
    return { claims }
  },
})
