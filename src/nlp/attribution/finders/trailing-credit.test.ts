import { describe, expect, it } from 'vitest'
import { runAttribution } from '../test-pipeline.js'

const credits = (text: string) =>
  runAttribution(text)
    .attributions.filter((a) => a.prov.rule === 'trailing-credit')
    .map((a) => [
      text.slice(a.content.start, a.content.end),
      a.source && text.slice(a.source.start, a.source.end),
    ])

describe('pull quotations credited after the closing mark, with no dash', () => {
  it('credits the role phrase before a quoted title (Wikinews, 2008)', () => {
    const text =
      'He called it an all-out war.\n"Prompted I think by the Tom Cruise video, a new obsession is taking hold on the internet." Anonymous blogger, "Anon declares war on Church of Scientology"\nOne poster admitted to being a part of the effort.'
    expect(credits(text)).toEqual([
      [
        '"Prompted I think by the Tom Cruise video, a new obsession is taking hold on the internet."',
        'Anonymous blogger',
      ],
    ])
  })

  it('credits a name that ends the paragraph', () => {
    const text =
      'Readers wrote in.\n“Nobody asked us what we wanted.” Maria Lopez\nThe council met on Monday.'
    expect(credits(text)).toEqual([['“Nobody asked us what we wanted.”', 'Maria Lopez']])
  })

  it.each([
    // a new sentence after the quotation, a tag with a verb, a quotation inside a paragraph, text after the name
    'He spoke first.\n“We will win.” Then he left the hall.',
    'He spoke first.\n“We will win,” Police Chief Ed Jones said.',
    'The mayor said it again: “We will win.” New York agreed.',
    'He spoke first.\n“We will win.” New York Times reporters were in the hall.',
  ])('%s: no credit', (text) => {
    expect(credits(text)).toEqual([])
  })
})
