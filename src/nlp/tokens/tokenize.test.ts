import { describe, expect, it } from 'vitest'
import { TokenKind } from '../../model/tokens.js'
import { cliticStart, tokenize } from './tokenize.js'

/** Tokens of `text` as [surface, start] pairs: surface and offset checked together (chrono's rule). */
function tokens(text: string): [string, number][] {
  const t = tokenize(text)
  return t.starts.map((s, i) => [text.slice(s, t.ends[i]), s])
}

function kindsOf(text: string): [string, number][] {
  const t = tokenize(text)
  return t.starts.map((s, i) => [text.slice(s, t.ends[i]), t.kinds[i] as number])
}

describe('tokenize', () => {
  it.each<[string, [string, number][]]>([
    [
      'Chief Commander of Iran’s Islamic Revolution Guards Corps',
      [
        ['Chief', 0],
        ['Commander', 6],
        ['of', 16],
        ['Iran', 19],
        ['’s', 23],
        ['Islamic', 26],
        ['Revolution', 34],
        ['Guards', 45],
        ['Corps', 52],
      ],
    ],
    [
      "Lebanon's Hezbollah",
      [
        ['Lebanon', 0],
        ["'s", 7],
        ['Hezbollah', 10],
      ],
    ],
    [
      'IRAN’S ENVOY',
      [
        ['IRAN', 0],
        ['’S', 4],
        ['ENVOY', 7],
      ],
    ],
    [
      "The minister didn't say, and they're not sure.",
      [
        ['The', 0],
        ['minister', 4],
        ['did', 13],
        ["n't", 16],
        ['say', 20],
        [',', 23],
        ['and', 25],
        ['they', 29],
        ["'re", 33],
        ['not', 37],
        ['sure', 41],
        ['.', 45],
      ],
    ],
    [
      "Sa'd Hariri met Conan O'Brien",
      [
        ["Sa'd", 0],
        ['Hariri', 5],
        ['met', 12],
        ['Conan', 16],
        ["O'Brien", 22],
      ],
    ],
    [
      'Stocks fell 12.53% to $1,020.5 by 10:30 a.m.',
      [
        ['Stocks', 0],
        ['fell', 7],
        ['12.53%', 12],
        ['to', 19],
        ['$', 22],
        ['1,020.5', 23],
        ['by', 31],
        ['10:30', 34],
        ['a.m.', 40],
      ],
    ],
    [
      'U.S. officials said the 1990s and the 21st century differ.',
      [
        ['U.S.', 0],
        ['officials', 5],
        ['said', 15],
        ['the', 20],
        ['1990s', 24],
        ['and', 30],
        ['the', 34],
        ['21st', 38],
        ['century', 43],
        ['differ', 51],
        ['.', 57],
      ],
    ],
    [
      'Sen. Jane Roe, R-Texas, said the al-Quds force grew.',
      [
        ['Sen', 0],
        ['.', 3],
        ['Jane', 5],
        ['Roe', 10],
        [',', 13],
        ['R-Texas', 15],
        [',', 22],
        ['said', 24],
        ['the', 29],
        ['al-Quds', 33],
        ['force', 41],
        ['grew', 47],
        ['.', 51],
      ],
    ],
    [
      'He waited... and waited… “Really?!”',
      [
        ['He', 0],
        ['waited', 3],
        ['...', 9],
        ['and', 13],
        ['waited', 17],
        ['…', 23],
        ['“', 25],
        ['Really', 26],
        ['?!', 32],
        ['”', 34],
      ],
    ],
    [
      'See https://tasnimnews.com/en/news/2022. Mail desk@example.org or @IRGC_news #Gaza',
      [
        ['See', 0],
        ['https://tasnimnews.com/en/news/2022', 4],
        ['.', 39],
        ['Mail', 41],
        ['desk@example.org', 46],
        ['or', 63],
        ['@IRGC_news', 66],
        ['#Gaza', 77],
      ],
    ],
    [
      'Fans cheered 👍🏽 and 👨‍👩‍👧 🇮🇷!',
      [
        ['Fans', 0],
        ['cheered', 5],
        ['👍🏽', 13],
        ['and', 18],
        ['👨‍👩‍👧', 22],
        ['🇮🇷', 31],
        ['!', 35],
      ],
    ],
    [
      'Zürich’s café in Tehran: تهران',
      [
        ['Zürich', 0],
        ['’s', 6],
        ['café', 9],
        ['in', 14],
        ['Tehran', 17],
        [':', 23],
        ['تهران', 25],
      ],
    ],
  ])('%s', (text, expected) => {
    expect(tokens(text)).toEqual(expected)
  })

  it('gives each token a kind', () => {
    expect(kindsOf('“Iran’s 12.53% rise,” @IRGC said 🚀')).toEqual([
      ['“', TokenKind.QUOTE],
      ['Iran', TokenKind.WORD],
      ['’s', TokenKind.WORD],
      ['12.53%', TokenKind.NUMBER],
      ['rise', TokenKind.WORD],
      [',', TokenKind.PUNCT],
      ['”', TokenKind.QUOTE],
      ['@IRGC', TokenKind.SPECIAL],
      ['said', TokenKind.WORD],
      ['🚀', TokenKind.SYMBOL],
    ])
  })

  it('reads a clitic that a tokenized corpus already set off ("Germany \'s", CoNLL and GUM style)', () => {
    const text = "Germany 's chancellor said we 're ready and 'so' be it"
    expect(kindsOf(text).slice(0, 8)).toEqual([
      ['Germany', TokenKind.WORD],
      ["'s", TokenKind.WORD],
      ['chancellor', TokenKind.WORD],
      ['said', TokenKind.WORD],
      ['we', TokenKind.WORD],
      ["'re", TokenKind.WORD],
      ['ready', TokenKind.WORD],
      ['and', TokenKind.WORD],
    ])
    expect(kindsOf(text).slice(8, 10)).toEqual([
      ["'", TokenKind.QUOTE],
      ['so', TokenKind.WORD],
    ])
  })

  it('leaves a plural possessive apostrophe as its own token', () => {
    expect(tokens('the Palestinians’ land')).toEqual([
      ['the', 0],
      ['Palestinians', 4],
      ['’', 16],
      ['land', 18],
    ])
  })

  it('never splits a surrogate pair, even a lone one', () => {
    const text = 'a\uD83D b\uDE00c 😀x'
    const t = tokenize(text)
    for (let i = 0; i < t.starts.length; i++) {
      const s = t.starts[i] as number
      const e = t.ends[i] as number
      expect(
        text.charCodeAt(s) >= 0xdc00 &&
          text.charCodeAt(s) <= 0xdfff &&
          s > 0 &&
          text.charCodeAt(s - 1) >= 0xd800 &&
          text.charCodeAt(s - 1) <= 0xdbff,
      ).toBe(false)
      expect(e - s).toBeGreaterThan(0)
    }
    expect(tokens(text).map(([s]) => s)).toEqual(['a', '\uD83D', 'b', '\uDE00', 'c', '😀', 'x'])
  })

  it('keeps every non-space character in exactly one token', () => {
    const text = 'Salami, 63, said: “The West Bank — too — is armed!” (IRNA) ¶ §3 ©2022 \u0301x'
    const t = tokenize(text)
    const covered = new Uint8Array(text.length)
    for (let i = 0; i < t.starts.length; i++) {
      for (let k = t.starts[i] as number; k < (t.ends[i] as number); k++)
        covered[k] = (covered[k] as number) + 1
    }
    for (let k = 0; k < text.length; k++)
      expect([k, covered[k]]).toEqual([k, /\s/.test(text[k] as string) ? 0 : 1])
  })

  it('returns no tokens for whitespace', () => {
    expect(tokenize(' \n\t\u00a0\u3000 ').starts).toEqual([])
  })
})

describe('cliticStart', () => {
  it.each<[string, number]>([
    ['Iran’s', 4],
    ["didn't", 3],
    ["can't", 2],
    ["we'll", 2],
    ["I'm", 1],
    ["she'd", 3],
    ["Sa'd", -1],
    ["O'Neill", -1],
    ['is', -1],
  ])('%s → %i', (word, cut) => {
    expect(cliticStart(word, 0, word.length)).toBe(cut)
  })
})
