/**
 * Texts that must yield no sentence boundary: every one is a single sentence of real news prose whose
 * periods belong to abbreviations, titles, initials, numbers or quotes.
 */
import { describe, expect, it } from 'vitest'
import { splitSentences } from './split-sentences.js'
import { tokenize } from './tokenize.js'

describe('splitSentences (no boundary)', () => {
  it.each([
    'Maj. Gen. Hossein Salami said the IRGC would respond.',
    'Lt. Col. Ahmad Vahidi and Brig. Gen. Amir Ali Hajizadeh attended.',
    'U.S. officials said the Sept. 5 talks would go ahead.',
    'Mr. Smith and Dr. Jones met Gov. Brown at St. Paul.',
    'J. R. R. Tolkien and George R. R. Martin signed copies.',
    'The index rose 12.53% to 3,020.75 points.',
    'He lives at No. 10 Downing Street.',
    'Apple Inc. said revenue rose.',
    'Trading opened at 9:30 a.m. and closed early.',
    'The teams, e.g. Iran vs. Israel, met.',
    '“Go home.” said the commander.',
    '"Is it over?" she asked.',
    '“Will Iran respond?” Maj Gen Salami asked.',
    '“Never again!” Khamenei wrote on Twitter.',
    'He called it “a victory.” and left.',
    'Visit tasnimnews.com/en for the full text.',
    'Write to desk@irna.ir for comment.',
    'The rockets 🚀🚀 were counted.',
    'The ruling in Friedrichs v. California Teachers Association stands.',
    'Maricopa County (Ariz.) Sheriff Joe Arpaio spoke.',
    'State Del. Marcia Price (D-Newport News) voted.',
  ])('%s', (text) => {
    expect(splitSentences(text, tokenize(text), []).sentences).toEqual([{ start: 0, end: text.length }])
  })
})
