import { describe, expect, it } from 'vitest'
import type { Block } from '../../model/layers.js'
import { splitSentences, type LineBreakMode } from './split-sentences.js'
import { tokenize } from './tokenize.js'

/** Sentences of `text` as [surface, start] pairs. */
function sentences(
  text: string,
  blocks: Block[] = [{ start: 0, end: text.length, kind: 'paragraph' }],
): [string, number][] {
  return splitSentences(text, tokenize(text), blocks).sentences.map((s) => [
    text.slice(s.start, s.end),
    s.start,
  ])
}

describe('splitSentences', () => {
  it.each<[string, [string, number][]]>([
    [
      'Maj. Gen. Hossein Salami said the war is over. He spoke on Monday.',
      [
        ['Maj. Gen. Hossein Salami said the war is over.', 0],
        ['He spoke on Monday.', 47],
      ],
    ],
    [
      'U.S. officials said the talks failed. The talks resume in the U.S. Officials in the U.S. said so.',
      [
        ['U.S. officials said the talks failed.', 0],
        ['The talks resume in the U.S. Officials in the U.S. said so.', 38],
      ],
    ],
    [
      'The strike hit the U.S. The Pentagon denied it.',
      [
        ['The strike hit the U.S.', 0],
        ['The Pentagon denied it.', 24],
      ],
    ],
    [
      'Sen. Jane Roe, R-Texas. She voted no.',
      [
        ['Sen. Jane Roe, R-Texas.', 0],
        ['She voted no.', 24],
      ],
    ],
    ['J. R. R. Tolkien wrote about John F. Kennedy.', [['J. R. R. Tolkien wrote about John F. Kennedy.', 0]]],
    [
      'He worked at Acme Inc. The firm closed. Acme Inc. said nothing.',
      [
        ['He worked at Acme Inc.', 0],
        ['The firm closed.', 23],
        ['Acme Inc. said nothing.', 40],
      ],
    ],
    [
      'He lives at No. 10 and said no. Then he left at 9 a.m. The car waited.',
      [
        ['He lives at No. 10 and said no.', 0],
        ['Then he left at 9 a.m.', 32],
        ['The car waited.', 55],
      ],
    ],
    ['The vote is on Jan. 5 in Tehran.', [['The vote is on Jan. 5 in Tehran.', 0]]],
    [
      'He was born in Tallahassee, Fla. The family moved.',
      [
        ['He was born in Tallahassee, Fla.', 0],
        ['The family moved.', 33],
      ],
    ],
    [
      'Shares rose 12.53%. Oil fell 3.5 percent.',
      [
        ['Shares rose 12.53%.', 0],
        ['Oil fell 3.5 percent.', 20],
      ],
    ],
    [
      'He said the regime would “collapse soon.” He did not say when.',
      [
        ['He said the regime would “collapse soon.”', 0],
        ['He did not say when.', 42],
      ],
    ],
    ['“Go home.” said the commander to the troops.', [['“Go home.” said the commander to the troops.', 0]]],
    ['"Why now?" he asked.', [['"Why now?" he asked.', 0]]],
    [
      '“Is the regime collapsing?” Hossein Salami asked the crowd.',
      [['“Is the regime collapsing?” Hossein Salami asked the crowd.', 0]],
    ],
    [
      '“Is it over?” Salami left the stage.',
      [
        ['“Is it over?”', 0],
        ['Salami left the stage.', 14],
      ],
    ],
    [
      '"We will win." "We always do."',
      [
        ['"We will win."', 0],
        ['"We always do."', 15],
      ],
    ],
    [
      '(The talks ended.) Both sides left.',
      [
        ['(The talks ended.)', 0],
        ['Both sides left.', 19],
      ],
    ],
    [
      'They waited... Nothing came. Then… silence!',
      [
        ['They waited...', 0],
        ['Nothing came.', 15],
        ['Then… silence!', 29],
      ],
    ],
    [
      'Really?! Yes. Why? Nobody knows.',
      [
        ['Really?!', 0],
        ['Yes.', 9],
        ['Why?', 14],
        ['Nobody knows.', 19],
      ],
    ],
    [
      'IRGC chief: Zionist regime collapsing\nTehran, Sept. 1 (IRNA) — The commander spoke.',
      [
        ['IRGC chief: Zionist regime collapsing', 0],
        ['Tehran, Sept. 1 (IRNA) — The commander spoke.', 38],
      ],
    ],
    [
      'The first point\n\nthe second point',
      [
        ['The first point', 0],
        ['the second point', 17],
      ],
    ],
    [
      'Key points:\n• Iran backs the groups\n• Israel denies it',
      [
        ['Key points:', 0],
        ['• Iran backs the groups', 12],
        ['• Israel denies it', 36],
      ],
    ],
    [
      'Fans cheered 🎉. Players left 👋🏽! The end.',
      [
        ['Fans cheered 🎉.', 0],
        ['Players left 👋🏽!', 17],
        ['The end.', 36],
      ],
    ],
    ['Visit example.com.Then leave.', [['Visit example.com.Then leave.', 0]]],
    [
      'He said it was “over. ” Then he left.',
      [
        ['He said it was “over. ”', 0],
        ['Then he left.', 24],
      ],
    ],
    [
      '"It\'s what makes America great. "\nTwitter gave Mohamed the option.',
      [
        ['"It\'s what makes America great. "', 0],
        ['Twitter gave Mohamed the option.', 34],
      ],
    ],
    [
      "It will be screened at the event. '\n\nDay-Lewis has competed four times.",
      [
        ["It will be screened at the event. '", 0],
        ['Day-Lewis has competed four times.', 37],
      ],
    ],
    [
      'One line\u2028Another line\u2029A paragraph',
      [
        ['One line', 0],
        ['Another line', 9],
        ['A paragraph', 22],
      ],
    ],
    [
      'Apple unveiled a new phone. iPhone sales rose. eBay fell.',
      [
        ['Apple unveiled a new phone.', 0],
        ['iPhone sales rose.', 28],
        ['eBay fell.', 47],
      ],
    ],
  ])('%s', (text, expected) => {
    expect(sentences(text)).toEqual(expected)
  })

  it('joins hard-wrapped lines and still splits at bullets and blank lines', () => {
    const text =
      'The IRGC chief commander said that the\nresistance has intensified since early\n2022, and that the\nmovement will grow.\n- Rockets from the north\n- Rockets from Gaza\n\nHe added more.'
    expect(sentences(text).map(([s]) => s)).toEqual([
      'The IRGC chief commander said that the\nresistance has intensified since early\n2022, and that the\nmovement will grow.',
      '- Rockets from the north',
      '- Rockets from Gaza',
      'He added more.',
    ])
  })

  it.each<[LineBreakMode, string[]]>([
    ['auto', ['Salami warns Israel', 'The commander spoke']],
    ['sentence', ['Salami warns Israel', 'The commander spoke']],
    ['space', ['Salami warns Israel\nThe commander spoke']],
  ])('treats a line break by the lineBreaks option: %s', (mode, expected) => {
    const text = 'Salami warns Israel\nThe commander spoke'
    const { sentences } = splitSentences(text, tokenize(text), [], { lineBreaks: mode })
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual(expected)
  })

  it('ends a sentence at every block edge', () => {
    const text = 'Salami speaks Tehran says Iran will stand'
    const blocks: Block[] = [
      { start: 0, end: 13, kind: 'title' },
      { start: 14, end: 41, kind: 'paragraph' },
    ]
    expect(sentences(text, blocks)).toEqual([
      ['Salami speaks', 0],
      ['Tehran says Iran will stand', 14],
    ])
  })

  it('maps every token to its sentence', () => {
    const text = 'He left. She stayed.'
    const { sentenceOfToken } = splitSentences(text, tokenize(text), [])
    expect([...sentenceOfToken]).toEqual([0, 0, 0, 1, 1, 1])
  })

  it('gives no sentence for empty text', () => {
    expect(sentences('', [])).toEqual([])
    expect(sentences('  \n ', [])).toEqual([])
  })
})
