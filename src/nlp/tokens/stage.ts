import { z } from 'zod'
import { defineStage } from '../../pipeline/stage.js'
import { splitSentences } from './split-sentences.js'
import { toTable, tokenize } from './tokenize.js'

/** Tokens and sentences: the lossless tokenizer, then the sentence splitter over its tokens. */
export const tokensStage = defineStage({
  name: 'tokens',
  // 2: clitics split ("Iran’s" → "Iran" + "’s"), line-break and abbreviation-class sentence rules
  version: 2,
  requires: ['blocks'],
  provides: ['tokens', 'sentences'],
  options: z.object({}),
  run(doc) {
    const tok = tokenize(doc.text)
    const { sentences, sentenceOfToken } = splitSentences(doc.text, tok, doc.layer('blocks'))
    return { tokens: toTable(tok, sentenceOfToken), sentences }
  },
})
