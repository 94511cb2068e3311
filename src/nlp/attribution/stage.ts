import { z } from 'zod'
import { defineStage } from '../../pipeline/stage.js'
import { AttributionDoc } from './attribution-doc.js'
import type { Draft } from './candidate.js'
import { FINDERS } from './finders/index.js'
import { reportingVerbs } from './lexicon.js'
import { REFINERS } from './refiners/index.js'
import { toLayer } from './to-layer.js'

/**
 * Who said what: source / cue / content, direct | indirect | mixed, nesting, and the speaker entity
 * behind each source. Rule finders (finders/) propose candidates; refiners/ settle conflicts, nest,
 * link and resolve speakers. See README.md for conventions and limits.
 *
 * @example
 * createPipeline([tokensStage, entitiesStage, corefStage, attributionStage]).run({ text: 'Salami said that Iran will win.' })
 */
export const attributionStage = defineStage({
  name: 'attribution',
  version: 1,
  requires: ['tokens', 'sentences', 'mentions', 'entities'],
  provides: ['attributions'],
  options: z.object({}),
  run(view, ctx) {
    ctx.useModel('attribution/reporting-verbs.tsv', reportingVerbs().hash)
    const doc = new AttributionDoc(view)
    for (const problem of doc.quoteProblems) {
      ctx.report({
        rule: 'unbalanced-quote',
        severity: 'info',
        message: problem.message,
        start: problem.offset,
        end: problem.offset + 1,
      })
    }
    let drafts: Draft[] = FINDERS.flatMap((find) => find(doc)).map((c) => ({
      ...c,
      parent: null,
      speaker: null,
      mode: 'indirect',
      inheritsFrom: null,
    }))
    for (const refine of REFINERS) drafts = refine(drafts, doc)
    ctx.debug(() => drafts.map((a) => `${a.rule} ${view.surface(a.content).slice(0, 60)}`).join('\n'))
    return { attributions: toLayer(drafts) }
  },
})
