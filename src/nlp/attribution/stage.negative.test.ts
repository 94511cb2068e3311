import { describe, expect, it } from 'vitest'
import { runAttribution } from './test-pipeline.js'

describe('attributionStage: texts with no attribution', () => {
  it.each([
    // outlet's own voice
    'Salami made the comment in an interview with the official website of the Supreme Leader.',
    'The IRGC has expanded its operations to the occupied West Bank as well.',
    'Inflation reached 12.53% in August, up from 11.9% in July.',
    // scare quotes and titles
    'Both sides agreed to the so-called “truce” on Tuesday.',
    'She wrote a book called “The Art of the Deal” in the 1980s.',
    'He appeared on “Saturday Night Live” last week.',
    // apostrophes and an odd number of quote marks must not crash or invent a quotation
    "Trump's campaign and the candidates' aides met on Monday.",
    'The “report was released on Monday and nobody read it.',
    // reporting-verb forms used as nouns or infinitives
    'The report was released on Tuesday.',
    'Officials declined to say more.',
    // a passive after a comma is no trailing tag: the website is attacked, it does not speak (Wikinews, 2008)
    "Traffic fell on Friday, the Church of Scientology's website is being attacked by hackers.",
    // a cue at the very end of the text leaves nothing to attribute (found by the property test)
    'Salami noted ',
    'The union endorsed',
  ])('%s', (text) => {
    expect(runAttribution(text).attributions).toEqual([])
  })
})
