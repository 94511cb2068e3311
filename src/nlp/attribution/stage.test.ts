import { describe, expect, it } from 'vitest'
import { runAttribution, surface } from './test-pipeline.js'

type Row = [text: string, source: string | null, cue: string, content: string, mode: string]

/** Offsets of `part` in `text` (first occurrence at or after `from`). */
function at(text: string, part: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(part, from)
  if (start < 0) throw new Error(`"${part}" not in "${text}"`)
  return { start, end: start + part.length }
}

describe('attributionStage', () => {
  it.each<Row>([
    [
      'The IRGC chief commander said that the resistance has been intensified since early 2022.',
      'The IRGC chief commander',
      'said',
      'that the resistance has been intensified since early 2022',
      'indirect',
    ],
    [
      'Salami also said that the Palestinians have managed to level up their fighting.',
      'Salami',
      'also said',
      'that the Palestinians have managed to level up their fighting',
      'indirect',
    ],
    [
      'He has repeatedly said the wall will be built.',
      'He',
      'has repeatedly said',
      'the wall will be built',
      'indirect',
    ],
    [
      'Trump told reporters that the wall will be built.',
      'Trump',
      'told',
      'that the wall will be built',
      'indirect',
    ],
    [
      'He added, Hezbollah is now capable of successfully fighting a ground war.',
      'He',
      'added',
      'Hezbollah is now capable of successfully fighting a ground war',
      'indirect',
    ],
    ['“We will not give up,” Clinton said.', 'Clinton', 'said', '“We will not give up,”', 'direct'],
    [
      '“We will not give up,” said Sen. Jane Roe.',
      'Sen. Jane Roe',
      'said',
      '“We will not give up,”',
      'direct',
    ],
    ['The senator said: “We will not give up.”', 'The senator', 'said:', '“We will not give up.”', 'direct'],
    [
      'According to the report, the economy grew by 3 percent last year.',
      'the report',
      'According to',
      'the economy grew by 3 percent last year',
      'indirect',
    ],
    [
      'The economy grew by 3 percent last year, according to the central bank.',
      'the central bank',
      'according to',
      'The economy grew by 3 percent last year',
      'indirect',
    ],
    [
      'That is a great source of power for Palestine, Salami added.',
      'Salami',
      'added',
      'That is a great source of power for Palestine',
      'indirect',
    ],
    [
      'Today, he added, fighting against the regime is not limited to the Gaza Strip.',
      'he',
      'added',
      'Today, he added, fighting against the regime is not limited to the Gaza Strip',
      'indirect',
    ],
    [
      'Trump said the deal was “a disaster for the country” and would be scrapped.',
      'Trump',
      'said',
      'the deal was “a disaster for the country” and would be scrapped',
      'mixed',
    ],
  ])('finds %s', (text, source, cue, content, mode) => {
    const a = runAttribution(text)
    const first = a.attributions[0]
    expect(first, JSON.stringify(a.attributions)).toBeDefined()
    if (!first) return
    expect(surface(a, first.content)).toBe(content)
    expect(first.content).toEqual(at(text, content))
    expect(surface(a, first.cue)).toBe(cue)
    expect(first.cue).toEqual(at(text, cue))
    expect(surface(a, first.source)).toBe(source)
    if (source) expect(first.source).toEqual(at(text, source))
    expect(first.mode).toBe(mode)
  })
})
