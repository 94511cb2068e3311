import { z } from 'zod'
import type { Mention } from '../../model/layers.js'
import { defineStage } from '../../pipeline/stage.js'
import { loadEntityModel } from './model-file.js'
import { tagDocument } from './recognize.js'
import { splitOrgPerson } from './split-org-person.js'
import { toMention } from './to-mention.js'

/**
 * Named-entity mentions (names and acronyms): an averaged-perceptron BILOU tagger trained on CoNLL-2003
 * (models/entities), then splitting an organisation's "of"-phrase from a person run into it, type mapping to OntoNotes types, title stripping and acronym detection.
 *
 * @example
 * createPipeline([tokensStage, entitiesStage]).run({ text: 'Hossein Salami said.' }).mentions
 */
export const entitiesStage = defineStage({
  name: 'entities',
  version: 2,
  requires: ['tokens', 'sentences'],
  provides: ['mentions'],
  options: z.object({}),
  run(doc, ctx) {
    const model = loadEntityModel()
    ctx.useModel('entities', model.hash)
    const drafts = splitOrgPerson(doc.text, tagDocument(doc, model), model.resources.gazetteer)
      .map((name) => toMention(name, model.resources.gazetteer))
      .filter((d) => d !== null)
      .sort((a, b) => a.start - b.start || b.end - a.end)
    const mentions: Mention[] = drafts.map((d, i) => ({
      id: `m${i + 1}`,
      start: d.start,
      end: d.end,
      type: d.type,
      kind: d.kind,
      entity: null,
    }))
    ctx.debug(() => `entities: ${mentions.length} mentions`)
    return { mentions }
  },
})
