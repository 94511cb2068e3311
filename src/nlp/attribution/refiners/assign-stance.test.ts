import { describe, expect, it } from 'vitest'
import { runAttribution } from '../test-pipeline.js'

/** The stance of the attribution whose cue reads `cue`. */
function stanceOf(text: string, cue: string): string | undefined {
  const a = runAttribution(text).attributions.find((x) => x.cue && text.slice(x.cue.start, x.cue.end) === cue)
  expect(a, `${cue} in ${text}`).toBeDefined()
  return a?.stance
}

describe('cue stance', () => {
  it.each([
    ['Trump said that the economy was doing well.', 'said', 'neutral'],
    [
      'Trump has repeatedly claimed that the election was rigged against him.',
      'has repeatedly claimed',
      'distancing',
    ],
    ['Prosecutors alleged that the company hid its losses from investors.', 'alleged', 'distancing'],
    ['The senator insisted that the bill would not raise taxes.', 'insisted', 'distancing'],
    ['The minister admitted that mistakes had been made during the evacuation.', 'admitted', 'acknowledging'],
    ['Clinton conceded that her use of a private server was a mistake.', 'conceded', 'acknowledging'],
    ['Sanders believes that the system is rigged against working families.', 'believes', 'belief'],
    ['Most economists think that the recession will be short.', 'think', 'belief'],
    ['According to the police report, the driver was not wearing a seat belt.', 'According to', 'neutral'],
  ])('%s → %s is %s', (text, cue, stance) => {
    expect(stanceOf(text, cue)).toBe(stance)
  })
})
