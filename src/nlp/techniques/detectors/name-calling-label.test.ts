import { describe, expect, it } from 'vitest'
import { findActorLabels } from './name-calling-label.js'

/** The surfaces the detector marks in `text`. */
function labels(text: string): string[] {
  return findActorLabels(text).map((s) => text.slice(s.start, s.end))
}

describe('findActorLabels', () => {
  it('marks an ideological label used as the noun for a people (IRGC interview)', () => {
    const text =
      'The IRGC chief commander said that the resistance against the Zionist regime in the occupied ' +
      'Palestinian territories has been intensified since early 2022, with a large number of Zionists ' +
      'being killed in operations by resistance groups.'
    expect(labels(text)).toEqual(['Zionist regime', 'Zionists'])
  })

  it('marks a modifier label with its group noun (IRGC interview, KCNA statement)', () => {
    expect(
      labels(
        'the experience and skills the movement has gained during its battles against Takfiri groups in Syria.',
      ),
    ).toEqual(['Takfiri groups'])
    expect(
      labels('"War maniacs of the South Korean puppet military made another grave provocation to the DPRK'),
    ).toEqual(['maniacs', 'puppet military'])
  })

  it('marks a head label and reports it as the cue (PTC train sentences)', () => {
    const text = 'Murdering infidels thus doesn’t contradict the spirit of Ramadan; it embodies it.'
    expect(findActorLabels(text)).toEqual([{ start: 10, end: 18, cues: ['infidels'] }])
    expect(
      labels(
        'President Trump seemed to be publicly siding with the Russian dictator against the American intelligence agencies.',
      ),
    ).toEqual(['dictator'])
  })

  it('leaves a head label that modifies another noun, and words that merely contain a label', () => {
    expect(
      labels('Gun control is the dream of every wannabe statist dictator and naive do-gooder alike.'),
    ).toEqual(['dictator'])
    expect(labels('The party rejected extremist views and communist economics in its manifesto.')).toEqual([])
    expect(labels('Anti-fascist marches and puppetry festivals were held downtown.')).toEqual([])
  })
})
