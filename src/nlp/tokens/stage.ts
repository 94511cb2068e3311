import { z } from 'zod'
import { defineStage } from '../../pipeline/stage.js'
import { splitSentences } from './split-sentences.js'
import { toTable, tokenize } from './tokenize.js'

/** Tokens and sentences: the lossless tokenizer, then the sentence splitter over its tokens. */
export const tokensStage = defineStage({
  name: 'tokens',
  // 2: clitics split ("Iran’s" → "Iran" + "’s"), line-break and abbreviation-class sentence rules
  // 3: spaced closing quotes, quoted question + reporting clause, US state abbreviations, lineBreaks option
  version: 3,
  requires: ['blocks'],
  provides: ['tokens', 'sentences'],
  options: z.object({
    /** How a single line break counts: see `SplitOptions.lineBreaks`. */
    lineBreaks: z.enum(['auto', 'sentence', 'space']).default('auto'),
  }),
  run(doc, ctx) {
    const tok = tokenize(doc.text)
    const { sentences, sentenceOfToken } = splitSentences(doc.text, tok, doc.layer('blocks'), {
      lineBreaks: ctx.options.lineBreaks,
    })
    return { tokens: toTable(tok, sentenceOfToken), sentences }
  },
})
