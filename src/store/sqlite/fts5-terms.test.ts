import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { corpusSlugs, loadCorpusDoc } from '../../../test/helpers/corpus.js'
import { fts5Terms, PhraseCounter } from './fts5-terms.js'

/** The golden articles' texts, and lines with names and words that carry diacritics and apostrophes. */
const texts = [
  ...corpusSlugs().map((slug) => loadCorpusDoc(slug).text),
  'President Recep Tayyip Erdoğan met São Paulo’s mayor; Angela Merkel’s aide, Herr Müller, called it “naïve”.',
  'Ægir Þórsson told Le Monde the café’s façade was rebuilt in 1999–2001, at a cost of €3.2m.',
]

/** Each text's terms as FTS5 made them, in order (its own tokenizer, read back through fts5vocab). */
function fts5Made(): string[][] {
  const db = new Database(':memory:')
  db.exec(
    "CREATE VIRTUAL TABLE t USING fts5 (x, tokenize = 'porter unicode61 remove_diacritics 2'); " +
      "CREATE VIRTUAL TABLE v USING fts5vocab (t, 'instance')",
  )
  const insert = db.prepare('INSERT INTO t (rowid, x) VALUES (?, ?)')
  texts.forEach((text, i) => insert.run(i + 1, text))
  const made: string[][] = texts.map(() => [])
  const rows = db.prepare('SELECT doc, term, offset FROM v').all() as {
    doc: number
    term: string
    offset: number
  }[]
  for (const r of rows) (made[r.doc - 1] as string[])[r.offset] = r.term
  db.close()
  return made
}

describe('fts5Terms', () => {
  it('makes the terms FTS5 makes of every word of the golden articles, in the same order', () => {
    const made = fts5Made()
    expect(texts.length).toBeGreaterThan(5)
    texts.forEach((text, i) => expect(fts5Terms(text)).toEqual(made[i]))
  })

  it('folds case and diacritics and stems as FTS5’s porter does', () => {
    expect(fts5Terms('Erdoğan’s ministers SAID')).toEqual(['erdogan', 's', 'minist', 'said'])
    // FTS5 reads "yy" as a double consonant (other Porter stemmers give "seyi").
    expect(fts5Terms('Seyyed relational hopping hoped')).toEqual(['sei', 'relat', 'hop', 'hope'])
  })
})

describe('PhraseCounter', () => {
  it('counts in each text the instances FTS5 finds of every word and two-word phrase in it', () => {
    const made = fts5Made()
    let checked = 0
    texts.forEach((text, i) => {
      const terms = made[i] as string[]
      // Every distinct term, and every two-term phrase that occurs twice or more, with FTS5's count:
      // the places its terms stand one after the other.
      const phrases = new Map<string, string[]>()
      for (const term of terms) phrases.set(term, [term])
      const pairs = new Map<string, number>()
      for (let k = 0; k + 1 < terms.length; k++) {
        const key = `${terms[k]} ${terms[k + 1]}`
        pairs.set(key, (pairs.get(key) ?? 0) + 1)
      }
      for (const [key, n] of pairs) if (n > 1) phrases.set(key, key.split(' '))
      const list = [...phrases.values()]
      const expected = list.map((phrase) => {
        let n = 0
        for (let k = 0; k + phrase.length <= terms.length; k++)
          if (phrase.every((term, j) => terms[k + j] === term)) n++
        return n
      })
      expect(new PhraseCounter(list).count(text)).toEqual(expected)
      checked += list.length
    })
    expect(checked).toBeGreaterThan(2000)
  })

  it('finds a word however it is inflected and cased, and nothing inside longer words', () => {
    const counter = new PhraseCounter([fts5Terms('ministers'), fts5Terms('nuclear weapons')])
    expect(
      counter.count('The Minister met ministers; administration. Nuclear weapon, NUCLEAR-WEAPONS.'),
    ).toEqual([2, 2])
  })
})
