import { describe, expect, it } from 'vitest'
import { prefersArticleBody } from './extract.js'

describe('prefersArticleBody', () => {
  it.each([
    // Readability chars, article-body chars, use the article body?  (numbers from trafilatura eval pages)
    [234, 1605, true], // a WordPress link post Readability cut to its intro
    [761, 30461, true], // a podcast page: show notes dropped
    [1313, 4058, true],
    [5756, 19846, false], // BBC: a full story; the bigger story-body adds related-video captions
    [900, 1500, false], // over half: Readability's cut is plausible
    [0, 0, false],
  ])('%i of %i → %s', (readability, body, expected) => {
    expect(prefersArticleBody(readability, body)).toBe(expected)
  })
})
