import { describe, expect, it } from 'vitest'
import { createPipeline } from '../../../pipeline/pipeline.js'
import { entitiesStage } from '../../entities/stage.js'
import { tokensStage } from '../../tokens/stage.js'
import { findNationalCollective } from './flag-waving-national-collective.js'
import { findNationalGreatness } from './flag-waving-national-greatness.js'
import { findNationalPledge } from './flag-waving-national-pledge.js'
import { findOurNation } from './flag-waving-our-nation.js'
import { NO_CONTEXT, type DetectorContext, type RuleSpan } from './rule-span.js'

/** The GPE and NORP mentions the entities stage finds in `text`. */
function placesOf(text: string): DetectorContext {
  const { view } = createPipeline([tokensStage, entitiesStage]).runToView({ text })
  return {
    places: view.layer('mentions').filter((m) => m.type === 'GPE' || m.type === 'NORP'),
    attributions: [],
  }
}

/** Each span's surface and cues. */
function found(
  find: (text: string, context: DetectorContext) => RuleSpan[],
  text: string,
): [string, string[]][] {
  return find(text, placesOf(text)).map((s) => [text.slice(s.start, s.end), s.cues])
}

describe('findNationalPledge', () => {
  it("marks a nation's endless pledge, from the nation to the pledge's end (IRGC interview)", () => {
    const text =
      'He said that the Supreme Leader has noted that Iran will stand with the Palestinians to the end.'
    expect(found(findNationalPledge, text)).toEqual([
      ['Iran will stand with the Palestinians to the end', ['Iran', 'to the end']],
    ])
  })

  it("leaves a person's pledge, and finds nothing without mentions", () => {
    expect(
      found(findNationalPledge, 'Senator Warren will fight this bill to the end, her office said.'),
    ).toEqual([])
    expect(findNationalPledge('Iran will stand with the Palestinians to the end.', NO_CONTEXT)).toEqual([])
  })
})

describe('findNationalGreatness', () => {
  it('marks national greatness given as the reason (Obama on Ahmed Mohamed)', () => {
    const text = 'We should inspire more kids like you to like science.\nIt\'s what makes America great."'
    expect(found(findNationalGreatness, text)).toEqual([['America great', ['America', 'great']]])
  })

  it('leaves the capitalised slogan and a non-nation subject', () => {
    expect(found(findNationalGreatness, 'Supporters wore hats saying Make America Great Again.')).toEqual([])
    expect(found(findNationalGreatness, 'The new coach made Johnson great again, fans said.')).toEqual([])
  })
})

describe('findNationalCollective and findOurNation (off by default)', () => {
  it('mark a nation or faith named as one collective, and a first-person claim on the nation', () => {
    const text = 'Salami said that the Palestinian people are of the belief that they will retake their land.'
    expect(findNationalCollective(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'the Palestinian people',
    ])
    expect(
      findOurNation('They want to destroy our country and our Constitution.').map((s) => s.cues),
    ).toEqual([['country'], ['Constitution']])
  })

  it('leave collectives that name no nation or faith', () => {
    expect(
      findNationalCollective('He spoke to the Chosen people and to the working people of the town.'),
    ).toEqual([])
  })
})
