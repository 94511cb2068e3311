import { describe, expect, it } from 'vitest'
import { corpusText, techniquesOf } from './test-helpers.js'

// Neutral wire prose (Wikinews, test/corpus): the tagger may mark a few words with low scores, never a
// confident technique, and nothing at all above the "ordinary news" setting minScore 0.3.
describe('techniquesStage on neutral prose', () => {
  it.each(['wikinews-asylum-seekers-indonesia', 'wikinews-new-zealand-flag'])(
    '%s: only low scores',
    (slug) => {
      const text = corpusText(slug)
      const { techniques } = techniquesOf(text)
      for (const t of techniques)
        expect(t.score, `${t.technique} "${text.slice(t.start, t.end)}"`).toBeLessThan(0.5)
      expect(techniques.length).toBeLessThan(text.length / 150)
    },
  )

  it.each([
    'Estimates suggest 8000 migrants may be currently at sea in the region.',
    "The US State Department said John Kerry, the Secretary of State, contacted Thailand's foreign minister over temporary housing for the Rohingya out at sea.",
    'Voters would then choose between the new flag and their current flag early in 2016.',
    'This is a decrease from the year before, when it was forty percent.',
    'Co-founder of Google, Sergey Brin, personally met with Mohamed during his visit to Google.',
    '',
  ])('finds nothing in %j', (text) => {
    expect(techniquesOf(text, [], 0.3).techniques).toEqual([])
  })
})
