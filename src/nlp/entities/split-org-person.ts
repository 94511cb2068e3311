/**
 * Splits a person span that swallowed the end of an organisation name. A role line such as "Psychology
 * major at University of Texas Arlington Amneh Jafari heard …" runs an "of"-phrase organisation into the
 * person's name with no comma between; the tagger, seeing "University of" as context, labels only the
 * capitalised run after it and labels all of it PER ("Texas Arlington Amneh Jafari"). When a PER span of
 * three or more words follows "<organisation head> of" (or a PER span of five or more words starts with it,
 * as the tagger reads the line without the article around it), the last two words are the person (given name and
 * surname, the usual shape of a name introduced by a role) and the words before them finish the
 * organisation's name, which becomes an ORG span with its head ("University of Texas Arlington").
 */
import type { Gazetteer } from './gazetteer.js'
import type { TaggedName } from './recognize.js'
import { LIST } from './to-mention.js'

/** Heads of organisation names that take an "of"-phrase ("University of Texas", "Ministry of Defence"). */
const ORG_HEADS = new Set(
  'university college institute school academy department ministry museum hospital bank council board bureau agency office commission foundation society association federation church'.split(
    ' ',
  ),
)

/** Letters only, for the head word and "of" in the text before a span. */
const WORD_RE = /\p{L}+/gu

function isOrgHead(word: string): boolean {
  return /^\p{Lu}/u.test(word) && ORG_HEADS.has(word.toLowerCase())
}

/** The two words right before `start` when they are "<Head> of" (capitalised head): the head's start. */
function orgHeadBefore(text: string, start: number): number | null {
  const window = text.slice(Math.max(0, start - 40), start)
  const words = [...window.matchAll(WORD_RE)]
  const of = words[words.length - 1]
  const head = words[words.length - 2]
  if (!of || !head || of[0] !== 'of') return null
  // nothing but spaces between "of" and the span, and between the head and "of"
  const ofEnd = (of.index ?? 0) + of[0].length
  const headEnd = (head.index ?? 0) + head[0].length
  if (window.slice(ofEnd).trim() !== '' || window.slice(headEnd, of.index).trim() !== '') return null
  if (!isOrgHead(head[0])) return null
  return Math.max(0, start - 40) + (head.index ?? 0)
}

/** A person's name word: capitalised, letters (and inner hyphens or apostrophes) only. */
const NAME_WORD_RE = /^\p{Lu}[\p{Ll}'’-]+$/u

/**
 * Splits PER spans that follow "<organisation head> of" into the organisation's end and the person.
 *
 * @example
 * // "… at University of Texas Arlington Amneh Jafari heard …": PER "Texas Arlington Amneh Jafari"
 * splitOrgPerson(text, names, gazetteer) // ORG "University of Texas Arlington", PER "Amneh Jafari"
 */
export function splitOrgPerson(
  text: string,
  names: readonly TaggedName[],
  gazetteer: Gazetteer,
): TaggedName[] {
  const out: TaggedName[] = []
  for (const name of names) {
    const n = name.units.length
    // the head and "of" are outside the span ("Texas Arlington Amneh Jafari") or its first two words
    const inside = name.type === 'PER' && n >= 5 && isOrgHead(name.units[0] ?? '') && name.units[1] === 'of'
    const skip = inside ? 2 : 0
    const headStart = inside
      ? name.start
      : name.type === 'PER' && n >= 3
        ? orgHeadBefore(text, name.start)
        : null
    const cut = n - 2
    const person = name.units.slice(cut)
    const orgTail = name.units.slice(skip, cut)
    // the person part must look like a name, the organisation part must not end in a title ("Secretary")
    if (
      headStart === null ||
      !person.every((w) => NAME_WORD_RE.test(w)) ||
      orgTail.some((w) => gazetteer.has(LIST.title, w))
    ) {
      out.push(name)
      continue
    }
    // the tagger may have labelled the head on its own ("University of" as a name): the ORG replaces it
    while (out.length > 0 && (out[out.length - 1] as TaggedName).start >= headStart) out.pop()
    const orgEnd = name.unitEnds[cut - 1] as number
    const head = [...text.slice(headStart, name.unitStarts[skip]).matchAll(WORD_RE)]
    const headWords = head.map((m) => m[0])
    out.push({
      start: headStart,
      end: orgEnd,
      type: 'ORG',
      units: [...headWords, ...orgTail],
      unitStarts: [...head.map((m) => headStart + (m.index ?? 0)), ...name.unitStarts.slice(skip, cut)],
      unitEnds: [
        ...head.map((m) => headStart + (m.index ?? 0) + m[0].length),
        ...name.unitEnds.slice(skip, cut),
      ],
      cased: [...headWords, ...name.cased.slice(skip, cut)],
    })
    out.push({
      start: name.unitStarts[cut] as number,
      end: name.end,
      type: 'PER',
      units: person,
      unitStarts: name.unitStarts.slice(cut),
      unitEnds: name.unitEnds.slice(cut),
      cased: name.cased.slice(cut),
    })
  }
  return out
}
