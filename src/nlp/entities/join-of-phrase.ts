/**
 * Joins an organisation name that the tagger broke at its inner "of"/"for" phrase. Greedy BILOU decoding
 * reads lower-case "for the" or "of" inside a capitalised name as outside any name, so "Joint Council for
 * the Welfare of Immigrants" comes out as two names ("Joint Council", "Welfare of Immigrants") and a
 * capitalised head before "of" that the tagger left out is lost ("Church of Scientology" → "Scientology").
 * A name right after "of", "for", "of the" or "for the" is joined to what stands before the connector when
 * that ends in a capitalised organisation head word ("Foundation", "Council", "Church", …):
 *
 * - a tagged name ending in the head: "[Andy Warhol Foundation] for the [Visual Arts]";
 * - the head on its own, untagged, with a tagged name right before it if there is one:
 *   "Church of [Scientology]", "[Andy Warhol] Foundation for the [Visual Arts]".
 *
 * Neither part may be a person's name ("Frank Church of Idaho", "Republican Party for Hillary Clinton"),
 * except a name before an untagged head ("[Andy Warhol] Foundation"). The result is one ORG span. Only the
 * characters just before each tagged name are read (one short regex per name), and the parts and the
 * connector must be separated by spaces on one line.
 */
import type { TaggedName } from './recognize.js'

/**
 * Head words of organisation names that take an "of" or "for" phrase ("Council for the Welfare of
 * Immigrants", "Church of Scientology", "National League for Democracy").
 */
const ORG_HEADS = new Set(
  `academy agency alliance assembly association authority bank board bureau centre center chamber church
  college commission committee confederation congress council department federation foundation fund hospital
  institute institution league ministry movement museum office organisation organization party society
  trust union university`.split(/\s+/),
)

/** The connector right before a tagged name: spaces, "of" or "for", optionally "the", spaces. */
const CONNECTOR_RE = /(?:^|[ \u00a0])(?:of|for)(?:[ \u00a0]+the)?[ \u00a0]+$/iu

/** The word right before a connector, with nothing but spaces after it (a whole word: not "e-Council"). */
const HEAD_RE = /(?<![\p{L}\p{N}'’-])(\p{L}+)[ \u00a0]+$/u

/** Spaces on one line, between the parts of a name. */
const SPACES_RE = /^[ \u00a0]+$/u

/** Characters read before a tagged name: enough for "Organisation for the ". */
const WINDOW = 40

/** A word that starts with a capital letter. */
const CAPITALISED_RE = /^\p{Lu}/u

function isHead(word: string | undefined): boolean {
  return word !== undefined && CAPITALISED_RE.test(word) && ORG_HEADS.has(word.toLowerCase())
}

/** A word of `text` at `[start, end)`, as a unit of a joined span. */
interface Piece {
  text: string
  start: number
  end: number
}

/**
 * Joins "<…head> of/for [the] <name>" into one ORG span (see the file comment).
 *
 * @example
 * // "… by the Andy Warhol Foundation for the Visual Arts." tagged ORG "Andy Warhol Foundation", ORG "Visual Arts"
 * joinOfPhrases(text, names) // ORG "Andy Warhol Foundation for the Visual Arts"
 */
export function joinOfPhrases(text: string, names: readonly TaggedName[]): readonly TaggedName[] {
  // copied on the first join only: most documents have none
  let out: TaggedName[] | null = null
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as TaggedName
    // a person after the connector is not part of the name ("… Republican Party for Hillary Clinton")
    const joinable = name.type !== 'PER' && CAPITALISED_RE.test(name.cased[0] ?? '')
    const last = out ? out[out.length - 1] : names[i - 1]
    const joined = joinable ? joinBefore(text, last, name) : null
    if (joined === null) {
      out?.push(name)
      continue
    }
    out ??= names.slice(0, i)
    // the tagged name before the connector is part of the joined span
    if (last !== undefined && last.start >= joined.start) out.pop()
    out.push(joined)
  }
  return out ?? names
}

/** Lower-case letter code of `text` at `i` (ASCII letters; anything else is left as it is). */
function lowerAt(text: string, i: number): number {
  return text.charCodeAt(i) | 0x20
}

/**
 * A quick test before the regex, with no string made: a space before `start` and, before it, a word ending
 * in "of", "for" or "the" (any case).
 */
function mayFollowConnector(text: string, start: number): boolean {
  const space = text.charCodeAt(start - 1)
  if (space !== 0x20 && space !== 0xa0) return false
  const a = lowerAt(text, start - 3)
  const b = lowerAt(text, start - 2)
  // "of", "for" (o then r), "the" (h then e)
  return (a === 0x6f && (b === 0x66 || b === 0x72)) || (a === 0x68 && b === 0x65)
}

/**
 * The ORG span that `name` ends, when "<head> of/for [the]" stands right before it (after `last`, the
 * name before it); else null.
 */
function joinBefore(text: string, last: TaggedName | undefined, name: TaggedName): TaggedName | null {
  if (!mayFollowConnector(text, name.start)) return null
  const from = Math.max(0, name.start - WINDOW, last?.end ?? 0)
  const window = text.slice(from, name.start)
  const connector = CONNECTOR_RE.exec(window)
  if (!connector) return null
  const connectorStart = from + connector.index + (connector[0].length - connector[0].trimStart().length)
  const pieces: Piece[] = []
  for (const m of text.slice(connectorStart, name.start).matchAll(/\S+/gu)) {
    const start = connectorStart + (m.index ?? 0)
    pieces.push({ text: m[0], start, end: start + m[0].length })
  }
  if (last !== undefined && SPACES_RE.test(text.slice(last.end, connectorStart))) {
    // a tagged name ends in the head: "[Andy Warhol Foundation] for the …"
    // a person's name may end in a head word: "Charlotte Church of …"
    if (last.type === 'PER' || !isHead(last.cased[last.cased.length - 1])) return null
    return joined(last, [], pieces, name)
  }
  // an untagged head: "Church of …", maybe after a tagged name "[Andy Warhol] Foundation for the …"
  const headFrom = Math.max(from, connectorStart - WINDOW)
  const head = HEAD_RE.exec(text.slice(headFrom, connectorStart))
  if (!head || !isHead(head[1])) return null
  const headStart = headFrom + head.index
  if (last !== undefined && last.end > headStart) return null
  const headPiece = { text: head[1] as string, start: headStart, end: headStart + (head[1] as string).length }
  const before = last !== undefined && SPACES_RE.test(text.slice(last.end, headStart)) ? last : null
  return joined(before, [headPiece], pieces, name)
}

/** One ORG span over `first` (if any), the loose words and `name`. */
function joined(
  first: TaggedName | null,
  head: readonly Piece[],
  connector: readonly Piece[],
  name: TaggedName,
): TaggedName {
  const loose = [...head, ...connector]
  const start = first?.start ?? (loose[0] as Piece).start
  return {
    start,
    end: name.end,
    type: 'ORG',
    units: [...(first?.units ?? []), ...loose.map((p) => p.text), ...name.units],
    unitStarts: [...(first?.unitStarts ?? []), ...loose.map((p) => p.start), ...name.unitStarts],
    unitEnds: [...(first?.unitEnds ?? []), ...loose.map((p) => p.end), ...name.unitEnds],
    cased: [...(first?.cased ?? []), ...loose.map((p) => p.text), ...name.cased],
    // the context before an untagged head is not at hand (type rules read it only for MISC and LOC spans)
    ...(first?.before ? { before: first.before } : {}),
    ...(name.after ? { after: name.after } : {}),
  }
}
