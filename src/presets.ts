/**
 * Named, ordered stage lists (chrono's casual/strict, unified presets). Configuration is data: the
 * runner never branches on stage names. Order matters only through `requires`, which the pipeline checks.
 */
import { attributionStage } from './nlp/attribution/stage.js'
import { claimsStage } from './nlp/claims/stage.js'
import { corefStage } from './nlp/coref/stage.js'
import { entitiesStage } from './nlp/entities/stage.js'
import { techniquesStage } from './nlp/techniques/stage.js'
import { timeStage } from './nlp/time/stage.js'
import { tokensStage } from './nlp/tokens/stage.js'
import type { AnyStage } from './pipeline/stage.js'
import type { PresetName } from './preset-names.js'

export const presets = {
  /** Everything claimtrail can say about a document. */
  full: [tokensStage, entitiesStage, corefStage, attributionStage, techniquesStage, timeStage, claimsStage],
  /** Sentences and time only: for quick indexing. */
  fast: [tokensStage, timeStage],
} satisfies Record<PresetName, readonly AnyStage[]>

export { PRESET_NAMES, type PresetName } from './preset-names.js'
