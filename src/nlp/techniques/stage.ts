import { z } from 'zod'
import { defineStage } from '../../pipeline/stage.js'
import { detectTechniques } from './detect.js'
import { detectorsWith } from './detectors/index.js'
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
  version: 2,
  requires: ['tokens', 'sentences', 'mentions', 'attributions'],
  provides: ['techniques'],
  options: z.object({
    /**
     * Drop spans whose score is below this. 0 keeps what maximises F1 on PTC dev (where propaganda is
     * dense); 0.2 lifts precision by half (labelled 19.5 → 30.5 on dev) at 40% of the recall
     * (README.md), the better choice for ordinary news.
     */
    minScore: z.number().min(0).max(1).default(0),
    /**
     * Pattern detectors that are off by default because they lowered PTC dev labelled F1 (README.md),
     * by rule name, e.g. `['flag-waving:our-nation']`.
     */
    extraDetectors: z.array(z.string()).default([]),
  }),
  run(doc, ctx) {
    const model = loadTechniqueModel()
    const lexicon = loadCueLexicon()
    ctx.useModel('techniques', model.hash)
    ctx.useModel('techniques-lexicon', lexicon.hash)
    const attributions = doc.layer('attributions')
    const detectors = detectorsWith(ctx.options.extraDetectors)
    return {
      techniques: detectTechniques(doc, model, lexicon.masks, attributions, ctx.options.minScore, detectors),
    }
  },
})
