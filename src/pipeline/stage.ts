/**
 * The stage contract: a named, versioned, pure function of a read-only DocView that returns the layers
 * it provides (spaCy's requires/assigns, textacy's no-side-effects rule).
 */
import type { z } from 'zod'
import type { Diagnostic } from '../model/diagnostics.js'
import type { DocView, LayerMap, LayerName } from '../model/doc-view.js'

export interface StageContext<Options> {
  options: Options
  /** Records a content problem; processing goes on. */
  report(diagnostic: Omit<Diagnostic, 'stage'>): void
  /** Lazy debug output: the message function runs only when a listener is attached. */
  debug(message: () => string): void
  /** Records a model or lexicon the stage used, by name and content hash, for provenance. */
  useModel(name: string, hash: string): void
}

export interface Stage<Options = unknown> {
  name: string
  /** Bump when the output can change; recorded in provenance. */
  version: number
  requires: readonly LayerName[]
  provides: readonly LayerName[]
  /** Layers provided by an earlier stage that this stage returns again, enriched (e.g. coref links mentions). */
  updates?: readonly LayerName[]
  options: z.ZodType<Options>
  run(doc: DocView, ctx: StageContext<Options>): Partial<LayerMap>
}

/**
 * Declares a stage; the identity function, there for type inference.
 *
 * @example
 * defineStage({ name: 'noop', version: 1, requires: [], provides: [], options: z.object({}), run: () => ({}) })
 */
export function defineStage<Options>(stage: Stage<Options>): Stage<Options> {
  return stage
}

/** A stage of any options type, for ordered lists of heterogeneous stages. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyStage = Stage<any>
