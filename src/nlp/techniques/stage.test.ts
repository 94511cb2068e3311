import { ALL_DETECTORS } from './detectors/index.js'
import { describe, expect, it } from 'vitest'
import { TECHNIQUES, type Attribution } from '../../model/layers.js'
import { TAGGER_RULE } from './detect.js'
import { REPETITION_RULE } from './repetition.js'
import { corpusText, techniquesOf } from './test-helpers.js'

const IRGC = corpusText('irgc-salami-interview')
const SLUGS = [
  'irgc-salami-interview',
  'wikinews-ahmed-mohamed-clock',
  'wikinews-asylum-seekers-indonesia',
  'wikinews-new-zealand-flag',
  'wikinews-north-korea-quasi-state-of-war',
]

// Salami's first reported statement: "… said that the recent defeat of the Zionist regime … near future".
const SALAMI: Attribution = {
  id: 'a0',
  mode: 'indirect',
  cue: { start: 94, end: 98 },
  content: { start: 101, end: 278 },
  source: { start: 70, end: 92 },
  speaker: null,
  parent: null,
  prov: { stage: 'test', rule: 'fixed' },
}

describe('techniquesStage', () => {
  it.each(SLUGS)('%s: spans are valid, sorted, scored and explained', (slug) => {
    // The pipeline runs with validate: true, so offsets, order and ids are checked as well.
    const text = corpusText(slug)
    const { techniques } = techniquesOf(text)
    for (const t of techniques) {
      expect(TECHNIQUES).toContain(t.technique)
      expect(t.score).toBeGreaterThan(0)
      expect(t.score).toBeLessThan(1)
      expect(t.prov).toEqual({ stage: 'techniques', rule: t.prov.rule, score: t.score })
      expect([TAGGER_RULE, REPETITION_RULE, ...ALL_DETECTORS.map((d) => d.rule)]).toContain(t.prov.rule)
      for (const cue of t.cues ?? []) expect(text.slice(t.start, t.end)).toContain(cue)
      expect(text.slice(t.start, t.end)).toMatch(/^\S(?:.*\S)?$/s) // trimmed
    }
  })

  it.each([
    // Found in the IRGC interview (test/corpus/irgc-salami-interview); offsets into source.txt.
    ['retake', 242, 248, 'loaded_language'],
  ])('finds %s [%i,%i) as %s', (surface, start, end, technique) => {
    const hit = techniquesOf(IRGC).techniques.find((t) => t.start === start && t.end === end)
    expect(hit?.technique).toBe(technique)
    expect(IRGC.slice(start, end)).toBe(surface)
  })

  it.each([
    // KCNA statements quoted in test/corpus/wikinews-north-korea-quasi-state-of-war.
    // Runs grow from a strong word over weaker neighbours (hysteresis), as PTC's phrase-long spans do.
    ['the absurd pretext', 616, 634],
    ['Foolhardy provocation deserves harsh punishment', 834, 881],
  ])('finds loaded language %s [%i,%i) in quoted state-media statements', (surface, start, end) => {
    const text = corpusText('wikinews-north-korea-quasi-state-of-war')
    const hit = techniquesOf(text).techniques.find((t) => t.start === start && t.end === end)
    expect(text.slice(start, end)).toBe(surface)
    expect(hit?.technique).toBe('loaded_language')
  })

  it.each([
    // Spans covering these phrases (their exact edges vary with the tuned extension).
    ['irgc-salami-interview', 'the Zionist regime', 127, 145, 'name_calling_labeling'],
    ['wikinews-north-korea-quasi-state-of-war', 'grave provocation', 430, 447, 'loaded_language'],
    ['wikinews-north-korea-quasi-state-of-war', 'reckless', 548, 556, 'loaded_language'],
  ])('%s: a span covers %s [%i,%i) as %s', (slug, surface, start, end, technique) => {
    const text = corpusText(slug)
    expect(text.slice(start, end)).toBe(surface)
    const hit = techniquesOf(text).techniques.find(
      (t) => t.technique === technique && t.start <= start && t.end >= end,
    )
    expect(hit).toBeDefined()
  })

  it.each([
    // Labels a careful reader gives (issue 7) that the PTC-trained tagger misses (PTC annotators rarely
    // mark such absolutes or pledges) and the pattern detectors find.
    ['no safe place has been left', 976, 1003, 'exaggeration_minimisation', 'exaggeration:absolute-denial'],
    [
      'Iran will stand with the Palestinians to the end',
      2498,
      2546,
      'flag_waving',
      'flag-waving:national-pledge',
    ],
  ])('detector finds %s [%i,%i) as %s (%s)', (surface, start, end, technique, rule) => {
    expect(IRGC.slice(start, end)).toBe(surface)
    const hit = techniquesOf(IRGC).techniques.find(
      (t) => t.technique === technique && t.start <= start && t.end >= end,
    )
    expect(hit?.prov.rule).toBe(rule)
  })

  it('ties spans inside reported speech to the attribution, others to the outlet (null)', () => {
    const { techniques } = techniquesOf(IRGC, [SALAMI])
    const inside = techniques.filter((t) => t.start >= 101 && t.end <= 278)
    const outside = techniques.filter((t) => t.end <= 101 || t.start >= 278)
    expect(inside.length).toBeGreaterThan(0)
    expect(outside.length).toBeGreaterThan(0)
    for (const t of inside) expect(t.attribution).toBe('a0')
    for (const t of outside) expect(t.attribution).toBeNull()
  })

  it('records the model and lexicon hashes in provenance', () => {
    const { provenance } = techniquesOf(IRGC)
    expect(provenance.models.techniques).toMatch(/^[0-9a-f]{16}$/)
    expect(provenance.models['techniques-lexicon']).toMatch(/^[0-9a-f]{16}$/)
  })

  it('gives byte-identical output on a second run', () => {
    expect(JSON.stringify(techniquesOf(IRGC))).toBe(JSON.stringify(techniquesOf(IRGC)))
  })

  it('minScore drops the weaker spans', () => {
    const all = techniquesOf(IRGC).techniques
    const strong = techniquesOf(IRGC, [], 0.2).techniques
    expect(strong.length).toBeLessThan(all.length)
    for (const t of strong) expect(t.score).toBeGreaterThanOrEqual(0.2)
  })
})
