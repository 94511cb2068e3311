import { describe, expect, it } from 'vitest'
import type { Analysis } from '../../model/analysis.js'
import { createPipeline } from '../../pipeline/pipeline.js'
import { presets } from '../../presets.js'
import { checkworthiness, loadClaimsModel } from './model-file.js'

// From Wikinews, 'Reports: streamlined UK asylum process …' (2023-02-23, CC BY 2.5), lightly cut.
const text = [
  'Image: UK Government.',
  "The forms are part of Prime Minister Rishi Sunak's effort to clear the nation's 92,000 asylum claim backlog by year end.",
  'It also must be returned within twenty working days.',
  'Figures to be published today show a record 45,756 migrants crossing the Channel last year drove outstanding asylum claims over 150,000, also a record.',
  'On Wednesday, Home Secretary Suella Braverman told GB News: "It\'s clear that we have an unsustainable situation in towns and cities around our country."',
  'Sunak said he believes that the Home Secretary has said that 45,000 people crossed the Channel in 2022.',
].join('\n')

function run(minCheckworthiness?: number): Analysis {
  const options = minCheckworthiness === undefined ? {} : { claims: { minCheckworthiness } }
  return createPipeline(presets.full, { validate: true, options }).run({
    text,
    meta: { published: '2023-02-23' },
  })
}

const surface = (a: Analysis, span: { start: number; end: number }): string =>
  a.document.text.slice(span.start, span.end)

describe('claims stage', () => {
  const all = run(0)

  it('scores every statement: attribution contents tied to their attribution, outlet sentences to null', () => {
    const byText = new Map(all.claims.map((c) => [surface(all, c), c]))
    const outlet = byText.get('It also must be returned within twenty working days.')
    expect(outlet?.attribution).toBeNull()
    const quote = all.claims.find((c) => surface(all, c).startsWith('"It\'s clear that we have'))
    expect(quote?.attribution).not.toBeNull()
    const attribution = all.attributions.find((a) => a.id === quote?.attribution)
    expect(surface(all, attribution?.content ?? { start: 0, end: 0 })).toBe(surface(all, quote!))
  })

  it('leaves out fragments (captions) and sentences that frame an attribution', () => {
    expect(all.claims.some((c) => surface(all, c).startsWith('Image:'))).toBe(false)
    // the sentence holding the cue 'told' is not also an outlet statement
    expect(all.claims.some((c) => surface(all, c).startsWith('On Wednesday'))).toBe(false)
  })

  it('ranks a statement with figures above a procedural one, and keeps only those at the threshold by default', () => {
    const score = (part: string): number =>
      all.claims.find((c) => surface(all, c).includes(part))?.checkworthiness ?? -1
    expect(score('a record 45,756 migrants')).toBeGreaterThan(score('It also must be returned'))
    const kept = run()
    const threshold = loadClaimsModel().threshold
    expect(kept.claims.length).toBeGreaterThan(0)
    expect(kept.claims.length).toBeLessThan(all.claims.length)
    for (const c of kept.claims) expect(c.checkworthiness).toBeGreaterThanOrEqual(threshold)
    expect(kept.claims.map((c) => c.id)).toEqual(kept.claims.map((_, i) => `c${i + 1}`))
  })

  it('records the model in the provenance', () => {
    expect(all.provenance.stages.claims).toBeDefined()
    expect(JSON.stringify(all.provenance)).toContain('claims')
  })
})

describe('checkworthiness', () => {
  const model = loadClaimsModel()
  it('is a probability, higher for a factual statement with figures than for a greeting or an opinion', () => {
    const fact = checkworthiness(
      model,
      'Unemployment fell to 4.1 percent last year, the lowest rate since 2000.',
    )
    const greeting = checkworthiness(model, 'Good evening, and thank you all for being here tonight.')
    const opinion = checkworthiness(model, 'I think we need to bring the country together.')
    for (const p of [fact, greeting, opinion]) {
      expect(p).toBeGreaterThanOrEqual(0)
      expect(p).toBeLessThanOrEqual(1)
    }
    expect(fact).toBeGreaterThan(model.threshold)
    expect(greeting).toBeLessThan(model.threshold)
    expect(opinion).toBeLessThan(model.threshold)
  })
})
