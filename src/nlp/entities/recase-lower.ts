/**
 * Lower-case text (social posts, chat, careless copy) gives the tagger none of the capitals it reads names
 * by, so it finds nothing: "john key said new zealand would vote". In a document where at least half the
 * sentences have three or more words and no capital letter at all, those sentences are recased before tagging, like an all-caps headline: runs the gazetteers know
 * as places, peoples or organisations are title-cased ("new zealand" → "New Zealand"), and so is any word
 * that the word-class vocabulary (~2.4M words of news) only ever saw capitalised ("john" → "John", but not
 * "key", which news writes both ways). The first word is capitalised as in any sentence. Offsets do not
 * change: only the texts the tagger reads do.
 */
import type { WordClassTable } from './features.js'
import type { Gazetteer } from './gazetteer.js'

/** The gazetteer list of titles: "president" in running text is a word, not a name. */
const TITLE_LIST = 'person-titles'
/** Connecting words inside names, kept in lower case ("Democratic Republic of the Congo"). */
const CONNECTORS = new Set('of the and de du des la le al el da di van von der den y'.split(' '))
const LETTER_RE = /\p{L}/u
const DIGIT_RE = /\d/g

const title = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1)

/**
 * The texts of a lower-case sentence as the tagger should read them.
 *
 * @example
 * recaseLowerCase(['john', 'key', 'visited', 'new', 'zealand'], gazetteer, commonWords, vocabulary)
 * // ['John', 'key', 'visited', 'New', 'Zealand']
 */
export function recaseLowerCase(
  texts: readonly string[],
  gazetteer: Gazetteer,
  commonWords: ReadonlySet<string>,
  vocabulary?: WordClassTable,
): string[] {
  const out = texts.slice()
  const titles = gazetteer.lists.indexOf(TITLE_LIST)
  for (const m of gazetteer.match(texts)) {
    if (m.list === titles) continue
    let allCommon = true
    for (let k = m.start; k < m.end; k++) if (!commonWords.has(texts[k] as string)) allCommon = false
    if (allCommon) continue // "reading", "bath": a place only when written so
    for (let k = m.start; k < m.end; k++) {
      const t = texts[k] as string
      if (k === m.start || !CONNECTORS.has(t)) out[k] = title(t)
    }
  }
  if (vocabulary) {
    texts.forEach((t, k) => {
      if (out[k] !== t || !LETTER_RE.test(t) || commonWords.has(t)) return
      const form = t.replace(DIGIT_RE, '0')
      if (vocabulary.index.has(title(form)) && !vocabulary.index.has(form)) out[k] = title(t)
    })
  }
  out[0] = title(out[0] as string)
  return out
}
