import { describe, expect, it } from 'vitest'
import { runAttribution } from '../test-pipeline.js'

const span = (text: string, s: { start: number; end: number } | null) =>
  s ? text.slice(s.start, s.end) : null

describe('quotations credited after a dash', () => {
  it.each<[string, string, string, number]>([
    [
      'Readers responded. “Donald Trump scares me. Hearing him talk about communities of color makes me fearful.” ― Carla Sanchez',
      '“Donald Trump scares me. Hearing him talk about communities of color makes me fearful.”',
      'Carla Sanchez',
      19,
    ],
    [
      'One wrote: “He represents our greatest shame.” — Azucena Gonzalez. Another disagreed.',
      '“He represents our greatest shame.”',
      'Azucena Gonzalez',
      11,
    ],
    [
      'Critics were blunt.\n"So far, it\'s the Internet: 1, Scientology: 0. But it\'s a long game." - Matthew Ingram\nThe row went on.',
      '"So far, it\'s the Internet: 1, Scientology: 0. But it\'s a long game."',
      'Matthew Ingram',
      20,
    ],
  ])('%s', (text, content, source, contentStart) => {
    const a = runAttribution(text).attributions.find((x) => x.prov.rule === 'dash-credit')
    expect(a).toBeDefined()
    if (!a) return
    expect(span(text, a.content)).toBe(content)
    expect(a.content.start).toBe(contentStart)
    expect(a.source).toEqual({ start: text.indexOf(source), end: text.indexOf(source) + source.length })
    expect(span(text, a.cue)).toMatch(/^[―—-]$/u)
    expect(a.cue?.start).toBe(contentStart + content.length + 1)
  })

  it.each([
    // a dash after a quotation that continues the sentence is no credit
    'He called it “a disgrace” — and then he left the room.',
    // one capitalised word after the dash opens a sentence, it is not a name
    '“We will win.” — But few believed him.',
    // a hyphen inside a word or a range is no dash
    '“We will win.”-Team Captain Jo Marsh',
  ])('credits nobody in %s', (text) => {
    expect(runAttribution(text).attributions.filter((x) => x.prov.rule === 'dash-credit')).toEqual([])
  })
})
