import { z } from 'zod'
import { defineStage } from '../../pipeline/stage.js'
import { assemble } from './assemble.js'
import { corefLexicon } from './lexicon.js'
import { resolveDocument } from './resolve-document.js'

/**
 * In-document entity resolution: name mentions into entities (exact, surname, acronym, prefix), titles
 * and role appositions onto people, role-noun and pronoun mentions linked by head match and salience.
 * Returns every mention (input + added, renumbered) with its entity, and the entities. See README.md.
 *
 * @example createPipeline([tokensStage, entitiesStage, corefStage]).run({ text }).entities
 */
export const corefStage = defineStage({
  name: 'coref',
  version: 2,
  requires: ['tokens', 'sentences', 'mentions'],
  provides: ['entities'],
  updates: ['mentions'],
  options: z.object({}),
  run(doc, ctx) {
    const lex = corefLexicon()
    ctx.useModel('lexicons-coref', lex.hash)
    const result = resolveDocument(doc, doc.layer('mentions'), lex)
    ctx.debug(() =>
      result.mentions
        .map(
          (m) =>
            `${m.kind} [${m.start},${m.end}) "${doc.text.slice(m.start, m.end)}" -> c${m.cluster} (${m.rule})`,
        )
        .join('\n'),
    )
    return assemble(result.set, result.mentions)
  },
})
