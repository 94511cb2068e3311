import { describe, expect, it } from 'vitest'
import { canonicalKey, consonantSkeleton, surnameOf } from './canonical-key.js'

describe('canonicalKey', () => {
  it.each([
    ['Ayatollah Ali Khamenei', 'Ali Khamenehi'],
    ['Ayatollah Seyyed Ali Khamenei', 'Ali Khamenei'],
    ['Major General Hossein Salami', 'Hossein Salami'],
    ['Volodymyr Zelensky', 'Volodymyr Zelenskiy'],
    ['Volodymyr Zelenskyy', 'Volodymyr Zelensky'],
    ['Mohammed bin Salman', 'Muhammad bin Salman'],
    ['President Emmanuel Macron', 'Emmanuel Macron'],
    ['Dr. Anthony Fauci', 'Anthony Fauci'],
    ['José Manuel Barroso', 'Jose Manuel Barroso'],
    ['Muammar Gaddafi', 'Muammar Qaddafi'],
    ['Muammar Gaddafi', 'Moammar Kadhafi'],
  ])('folds "%s" and "%s" into one PERSON key', (a, b) => {
    expect(canonicalKey(a, 'PERSON')).toBe(canonicalKey(b, 'PERSON'))
  })

  it.each([
    ['Ali Khamenei', 'Mojtaba Khamenei'],
    ['Hossein Salami', 'Hossein Amir-Abdollahian'],
    ['George W Bush', 'George Bush'],
    ['Ali Larijani', 'Li Larijani'],
  ])('keeps "%s" and "%s" apart', (a, b) => {
    expect(canonicalKey(a, 'PERSON')).not.toBe(canonicalKey(b, 'PERSON'))
  })

  it('keeps a surname that looks like a title when it trails the name', () => {
    expect(canonicalKey('John Major', 'PERSON')).toBe('PERSON:jn mjr')
    expect(canonicalKey('Martin Luther King Jr.', 'PERSON')).toBe(
      canonicalKey('Martin Luther King', 'PERSON'),
    )
  })

  it('only normalises other types: case, accents, punctuation, a leading "the"', () => {
    expect(canonicalKey('The Islamic Revolution Guards Corps', 'ORG')).toBe(
      'ORG:islamic revolution guards corps',
    )
    expect(canonicalKey('Société Générale', 'ORG')).toBe('ORG:societe generale')
    expect(canonicalKey('U.S.', 'GPE')).toBe('GPE:u s')
    expect(canonicalKey('Iran', 'GPE')).not.toBe(canonicalKey('Iran', 'PERSON'))
  })

  it('builds consonant skeletons and surnames', () => {
    expect(consonantSkeleton('khamenehi')).toBe('kmn')
    expect(consonantSkeleton('ali')).toBe('al')
    expect(surnameOf(canonicalKey('Hossein Salami', 'PERSON'))).toBe('slm')
    expect(surnameOf('ORG:irgc')).toBeNull()
  })
})
