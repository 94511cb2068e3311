import { describe, expect, it } from 'vitest'
import { runAttribution } from '../test-pipeline.js'

const at = (text: string, part: string) => ({
  start: text.indexOf(part),
  end: text.indexOf(part) + part.length,
})

describe('findings introduced by "In <poll>,"', () => {
  it.each<[string, string, string]>([
    [
      'In the most recent YouGov/Economist survey, 71 percent of Sanders supporters approved of Obama.',
      'the most recent YouGov/Economist survey',
      '71 percent of Sanders supporters approved of Obama',
    ],
    [
      'In an NBC News/Wall Street Journal poll released Monday, 50 percent of respondents chose Clinton while 40 percent chose Trump.',
      'an NBC News/Wall Street Journal poll released Monday',
      '50 percent of respondents chose Clinton while 40 percent chose Trump',
    ],
  ])('%s', (text, source, content) => {
    const a = runAttribution(text).attributions.find((x) => x.prov.rule === 'in-poll')
    expect(a).toBeDefined()
    expect(a?.cue).toEqual({ start: 0, end: 2 })
    expect(a?.source).toEqual(at(text, source))
    expect(a?.content).toEqual(at(text, content))
  })

  it.each([
    'In the fall of 2007, Hillary Clinton held a 24-point lead over Barack Obama among black voters.',
    'In Iowa, the candidates spent heavily on television.',
  ])('finds no poll in %s', (text) => {
    expect(runAttribution(text).attributions.filter((x) => x.prov.rule === 'in-poll')).toEqual([])
  })
})
