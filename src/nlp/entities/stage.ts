import { z } from 'zod'
import type { Mention } from '../../model/layers.js'
import { defineStage } from '../../pipeline/stage.js'
import { joinOfPhrases } from './join-of-phrase.js'
import { loadEntityModel } from './model-file.js'
import { tagDocument } from './recognize.js'
import { lawArticles } from './refine-type.js'
import { splitOrgPerson } from './split-org-person.js'
import { reuseSurnames } from './surname-reuse.js'
import { toMention } from './to-mention.js'

/**
 * Named-entity mentions (names and acronyms): an averaged-perceptron BILOU tagger trained on CoNLL-2003
 * (models/entities), then splitting an organisation's "of"-phrase from a person run into it, joining an organisation name broken at its "of"/"for" phrase, type mapping to OntoNotes types (refined by rules for FAC, EVENT, LAW, …; numbered articles of laws added), title stripping and acronym detection.
 *
 * @example
 * createPipeline([tokensStage, entitiesStage]).run({ text: 'Hossein Salami said.' }).mentions
 */
export const entitiesStage = defineStage({
  name: 'entities',
  version: 4,
  requires: ['tokens', 'sentences'],
  provides: ['mentions'],
  options: z.object({}),
  run(doc, ctx) {
    const model = loadEntityModel()
    ctx.useModel('entities', model.hash)
    const drafts = reuseSurnames(
      doc.text,
      joinOfPhrases(doc.text, splitOrgPerson(doc.text, tagDocument(doc, model), model.resources.gazetteer))
        .map((name) => toMention(name, model.resources.gazetteer, model.typeLists))
        .filter((d) => d !== null),
      model.resources.gazetteer,
    )
    for (const law of lawArticles(doc.text)) {
      if (!drafts.some((d) => d.start < law.end && law.start < d.end))
        drafts.push({ ...law, type: 'LAW', kind: 'name' })
    }
    drafts.sort((a, b) => a.start - b.start || b.end - a.end)
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
