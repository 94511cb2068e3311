import { describe, expect, it } from 'vitest'
import { findQuotes } from './quotes.js'

/** Paragraphs split at line breaks, for the state machine's callbacks. */
function paragraphs(text: string): { of: (o: number) => number; start: (p: number) => number } {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === '\n' && text[i + 1] !== '\n') starts.push(i + 1)
  return {
    of: (o) => starts.filter((s) => s <= o).length - 1,
    start: (p) => starts[p] ?? 0,
  }
}

function regions(text: string): string[] {
  const p = paragraphs(text)
  return findQuotes(text, p.of, p.start).regions.map((r) => text.slice(r.start, r.end))
}

describe('findQuotes', () => {
  it.each([
    ['He said: “We won.”', ['“We won.”']],
    // a closing mark typed for the opening one at a line start (The Huffington Post, 2016)
    [
      'Getty/Instagram.\n\n”He represents our greatest shame.” ― Sonya Herridge',
      ['”He represents our greatest shame.”'],
    ],
    ['"We won," he said, "and we will win again."', ['"We won,"', '"and we will win again."']],
    ["''This isn't tax reform,'' said Mr. Burman.", ["''This isn't tax reform,''"]],
    // multi-paragraph: every paragraph opens, only the last closes
    ['“We will fight.\n\n“We will never give up,” he said.', ['“We will fight.\n\n“We will never give up,”']],
    // a tweet quoted line by line: no re-opening marks, the closing mark a few lines on
    [
      'He tweeted: "Cool clock, Ahmed.\nWant to bring it to the White House?"',
      ['"Cool clock, Ahmed.\nWant to bring it to the White House?"'],
    ],
    // apostrophes are not quotes
    ["Trump's campaign said the candidates' plans differ.", []],
  ])('pairs the marks in %j', (text, expected) => {
    expect(regions(text)).toEqual(expected)
  })

  it('drops a quotation left open at a paragraph break and reports it', () => {
    const text = '“We will fight, he said.\n\nThe rally ended at noon.'
    const p = paragraphs(text)
    const result = findQuotes(text, p.of, p.start)
    expect(result.regions).toEqual([])
    expect(result.problems).toEqual([
      { offset: 0, message: 'quotation mark opened and never closed in its paragraph' },
    ])
  })
})
