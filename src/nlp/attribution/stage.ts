import { z } from 'zod'
import { defineStage } from '../../pipeline/stage.js'
import { AttributionDoc } from './attribution-doc.js'
import type { Candidate, Draft } from './candidate.js'
import { FINDERS } from './finders/index.js'
import { findLearned } from './learned/learned-finder.js'
import { DEFAULT_MODEL_DIR, loadAttributionModel } from './learned/model-file.js'
import { reportingVerbs } from './lexicon.js'
import { REFINERS } from './refiners/index.js'
import { toLayer } from './to-layer.js'
import { addUnnamedSpeakers } from './unnamed-speakers.js'

/** A candidate as a draft; the fields written out (an object spread per candidate costs more). */
function toDraft(c: Candidate): Draft {
  const draft: Draft = {
    rule: c.rule,
    cue: c.cue,
    content: c.content,
    source: c.source,
    priority: c.priority,
    parent: null,
    speaker: null,
    mode: 'indirect',
    inheritsFrom: null,
  }
  if (c.inherit) draft.inherit = c.inherit
  return draft
}

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
  version: 3,
  requires: ['tokens', 'sentences', 'mentions', 'entities'],
  provides: ['attributions'],
  /** A source no entity covers gets an unnamed entity and a mention of its own (unnamed-speakers.ts). */
  updates: ['mentions', 'entities'],
  options: z.object({
    /** The learned model's folder (default models/attribution); training evaluates a fresh model through it. */
    model: z.string().default(DEFAULT_MODEL_DIR),
    /** false: rules only, about twice as fast, with the recall of the rules (PolNeAR dev content match 61.9). */
    learned: z.boolean().default(true),
  }),
  run(view, ctx) {
    ctx.useModel('attribution/reporting-verbs.tsv', reportingVerbs().hash)
    const model = loadAttributionModel(ctx.options.model)
    ctx.useModel('attribution/model.json', model.hash)
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
    const ruleCandidates = FINDERS.flatMap((find) => find(doc))
    const candidates = ctx.options.learned
      ? [...ruleCandidates, ...findLearned(doc, ruleCandidates, model)]
      : ruleCandidates
    let drafts: Draft[] = candidates.map(toDraft)
    for (const refine of REFINERS) drafts = refine(drafts, doc)
    ctx.debug(() => drafts.map((a) => `${a.rule} ${view.surface(a.content).slice(0, 60)}`).join('\n'))
    const speakers = addUnnamedSpeakers(drafts, doc)
    return {
      attributions: toLayer(speakers.drafts),
      mentions: speakers.mentions,
      entities: speakers.entities,
    }
  },
})
