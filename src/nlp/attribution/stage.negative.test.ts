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

describe('attributionStage: headlines', () => {
  it('issue-3: a headline verb outside the reporting lexicon is the news, not a cue (Wikinews, 2015)', () => {
    const text =
      "North Korea puts military in 'quasi-state of war'\nFriday, August 21, 2015\nThe report comes after North and South Korea exchanged artillery fire yesterday.\n"
    const a = runAttribution(text, [{ surface: 'North Korea', type: 'GPE', entity: 'North Korea' }])
    expect(a.attributions.filter((x) => x.content.start < text.indexOf('\n'))).toEqual([])
  })

  it('a headline with a reporting verb keeps its attribution', () => {
    const text =
      'Trump says Clinton is unfit to serve\nThe Republican nominee spoke at a rally in Ohio on Monday night.\n'
    const a = runAttribution(text, [
      { surface: 'Trump', type: 'PERSON', entity: 'Donald Trump' },
      { surface: 'Clinton', type: 'PERSON', entity: 'Hillary Clinton' },
    ])
    const cues = a.attributions.map((x) => (x.cue ? text.slice(x.cue.start, x.cue.end) : null))
    expect(cues).toContain('says')
  })
})
