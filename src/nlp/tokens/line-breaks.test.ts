import { describe, expect, it } from 'vitest'
import { isBullet, isHardWrapped } from './line-breaks.js'

describe('isHardWrapped', () => {
  it.each<[string, boolean]>([
    [
      'The IRGC chief commander said that the\nresistance against the Zionist regime has\nbeen intensified since early 2022, with a\nlarge number of Zionists being killed.',
      true,
    ],
    [
      'Over 900 asylum seekers rescued off Indonesian coast\nMonday, May 18, 2015\nOn Friday, fishermen rescued over 700 asylum seekers.\nThe rescued members included Bangladeshis and Rohingya.',
      false,
    ],
    ['Salami warns Israel\n\nThe commander said on Tuesday that the war is over.', false],
    ['Salami said that the\nwar is over.', true],
    ["The current flag is based on the United Kingdom's flag;\nthe new one would be unique.", false],
    ['', false],
  ])('%j → %s', (text, wrapped) => {
    expect(isHardWrapped(text)).toBe(wrapped)
  })
})

describe('isBullet', () => {
  it.each([
    ['•', true],
    ['-', true],
    ['*', true],
    ['—', true],
    ['1.', true],
    ['12)', true],
    ['Iran', false],
    ['2022.', false],
  ])('%s → %s', (surface, bullet) => {
    expect(isBullet(surface)).toBe(bullet)
  })
})
