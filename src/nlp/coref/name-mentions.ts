/**
 * Turns the entities stage's name/acronym mentions into working mentions: token range, name words with
 * leading "the", titles ("Major General …", kept apart for the entity's `titles`) and possessive
 * stripped, and the subject proxy.
 */
import type { DocView } from '../../model/doc-view.js'
import type { Mention } from '../../model/layers.js'
import { isSubject } from './grammar.js'
import type { CorefLexicon } from './lexicon.js'
import type { Title, WorkMention } from './model.js'
import { isPossessive, stripPossessive, type Words } from './words.js'

export interface PreparedName {
  mention: WorkMention
  /** Title words inside the mention span ("Ayatollah Seyyed" in "Ayatollah Seyyed Ali Khamenei"). */
  title: Title | null
  /** True when the mention is nothing but title/role words ("Supreme Leader"): resolved like a role noun. */
  roleOnly: boolean
}

/** Whether token `i` is a title word, or the period of an abbreviated title ("Sen", "."). */
export function isTitleToken(words: Words, lex: CorefLexicon, i: number): boolean {
  const key = words.key[i] as string
  if (lex.titles.has(key)) return true
  return (
    words.text[i] === '.' &&
    i > 0 &&
    words.ends[i - 1] === words.starts[i] &&
    lex.titles.has(words.key[i - 1] as string)
  )
}

/**
 * Prepares one input mention.
 *
 * @example prepareName(view, words, lex, { id: 'm1', start: 0, end: 27, type: 'PERSON', kind: 'name', entity: null }, 0)
 */
export function prepareName(
  doc: DocView,
  words: Words,
  lex: CorefLexicon,
  m: Mention,
  index: number,
): PreparedName {
  const range = doc.tokensIn(m, 'expand') ?? [0, 0]
  let [first] = range
  const last = range[1]
  // A possessive clitic inside the span ("Salami’s") is not part of the name.
  const nameLast = last - 1 > first && words.clitic[last - 1] ? last - 1 : last
  if (words.key[first] === 'the' && last - first > 1) first++
  let title: Title | null = null
  let roleOnly = false
  if (m.type === 'PERSON') {
    let j = first
    while (j < last && isTitleToken(words, lex, j)) j++
    if (j === last) roleOnly = true
    else if (j > first) {
      title = {
        text: doc.text.slice(words.starts[first], words.ends[j - 1]),
        start: words.starts[first] as number,
        end: words.ends[j - 1] as number,
      }
      first = j
    }
  }
  const nameWords: string[] = []
  for (let i = first; i < nameLast; i++) {
    if (/\p{L}|\p{N}/u.test(words.text[i] as string)) nameWords.push(words.key[i] as string)
  }
  const lastText = words.text[nameLast - 1] ?? ''
  const nameEnd = isPossessive(lastText)
    ? (words.starts[nameLast - 1] as number) + stripPossessive(lastText).length
    : (words.ends[nameLast - 1] as number)
  const nameStart = roleOnly ? m.start : (words.starts[first] as number)
  return {
    mention: {
      start: m.start,
      end: m.end,
      type: m.type,
      kind: m.kind,
      first: range[0],
      last,
      sentence: words.sentence[range[0]] ?? 0,
      subject: isSubject(words, range[0], last),
      input: index,
      words: nameWords.length > 0 ? nameWords : [doc.text.slice(m.start, m.end).toLowerCase()],
      name: doc.text.slice(nameStart, Math.max(nameStart + 1, nameEnd)),
      rule: 'name',
      cluster: -1,
    },
    title,
    roleOnly,
  }
}
