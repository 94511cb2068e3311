import { z } from 'zod'
import { defineStage } from '../../pipeline/stage.js'
import { detectTechniques } from './detect.js'
import { loadCueLexicon } from './lexicon.js'
import { loadTechniqueModel } from './model.js'

/**
 * Persuasion-technique spans (the 14 SemEval-2020 Task 11 classes), each tied to the attribution whose
 * content holds it (null: the outlet's own voice). See README.md for the model and its dev scores.
 *
 * @example
 * createPipeline([tokensStage, entitiesStage, corefStage, attributionStage, techniquesStage])
 */
export const techniquesStage = defineStage({
  name: 'techniques',
  version: 1,
  requires: ['tokens', 'sentences', 'attributions'],
  provides: ['techniques'],
  options: z.object({}),
  run(doc, ctx) {
    const model = loadTechniqueModel()
    const lexicon = loadCueLexicon()
    ctx.useModel('techniques', model.hash)
    ctx.useModel('techniques-lexicon', lexicon.hash)
    return { techniques: detectTechniques(doc, model, lexicon.masks, doc.layer('attributions')) }
  },
})
