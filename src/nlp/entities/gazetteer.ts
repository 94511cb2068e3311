/**
 * Gazetteer matching over tagger units: a trie keyed by lower-cased unit text, longest entries up to
 * {@link MAX_ENTRY_UNITS} units. Every match marks its units with the list and the BILOU position, which the
 * feature extractor turns into features (Ratinov & Roth 2009 §5). Entry units that are all capitals
 * ("US", "WHO", "AP") must match case-exactly, so the pronoun "us" and the word "who" do not hit.
 */
import { splitPossessive } from './tagger-units.js'

export const MAX_ENTRY_UNITS = 6

// The unit shapes of our tokenizer that gazetteer entries use: dotted initialisms, words with inner
// apostrophes/hyphens, numbers, single symbols.
const ENTRY_UNIT_RE = /(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{N}]+)*|\p{N}+|\S/gu
const ALL_CAPS_RE = /^\p{Lu}[\p{Lu}\p{N}.&]+$/u

/** Units of a gazetteer entry, split the way the tokenizer and {@link splitPossessive} split text. */
export function entryUnits(entry: string): string[] {
  const out: string[] = []
  for (const m of entry.matchAll(ENTRY_UNIT_RE)) {
    const split = splitPossessive(m[0])
    if (split) out.push(split[0], split[1])
    else out.push(m[0])
  }
  return out
}

interface TrieNode {
  next: Map<string, TrieNode>
  /** List ids whose entries end here, with the exact-case surface when the entry needs it. */
  ends: { list: number; exact: string[] | null }[]
}

/** A match: units `[start, end)` are an entry of list `list`. */
export interface GazetteerMatch {
  start: number
  end: number
  list: number
}

export class Gazetteer {
  readonly lists: readonly string[]
  private readonly root: TrieNode = { next: new Map(), ends: [] }
  /** Entries written as one all-capital unit in any list ("IRGC", "NATO", "US"): known acronyms. */
  readonly acronyms = new Set<string>()
  /** Lower-cased single-unit entries per list, for fast type lookups of a whole span. */
  private readonly phrases: Set<string>[]

  /** @param lists entries by list name; list ids follow the key order. */
  constructor(lists: Record<string, readonly string[]>) {
    this.lists = Object.keys(lists)
    this.phrases = this.lists.map(() => new Set())
    this.lists.forEach((name, id) => {
      for (const entry of lists[name] ?? []) this.add(entry, id)
    })
  }

  private add(entry: string, list: number): void {
    const units = entryUnits(entry)
    if (units.length === 0 || units.length > MAX_ENTRY_UNITS) return
    let node = this.root
    for (const unit of units) {
      const key = gazetteerKey(unit)
      let child = node.next.get(key)
      if (!child) {
        child = { next: new Map(), ends: [] }
        node.next.set(key, child)
      }
      node = child
    }
    const needsExact = units.some((u) => u.length >= 2 && ALL_CAPS_RE.test(u))
    if (units.length === 1 && needsExact) this.acronyms.add(units[0] as string)
    node.ends.push({ list, exact: needsExact ? units : null })
    ;(this.phrases[list] as Set<string>).add(normalisePhrase(units.join(' ')))
  }

  /**
   * Every entry occurrence in `texts` (unit surfaces).
   *
   * @example
   * new Gazetteer({ country: ['Iran'] }).match(['in', 'Iran']) // [{ start: 1, end: 2, list: 0 }]
   */
  match(texts: readonly string[]): GazetteerMatch[] {
    return this.matchKeys(texts.map(gazetteerKey), texts)
  }

  /** {@link match} with each unit's {@link gazetteerKey} computed beforehand. */
  matchKeys(keys: readonly string[], texts: readonly string[]): GazetteerMatch[] {
    const out: GazetteerMatch[] = []
    for (let i = 0; i < keys.length; i++) {
      let node: TrieNode | undefined = this.root
      for (let j = i; j < keys.length && j - i < MAX_ENTRY_UNITS; j++) {
        node = node.next.get(keys[j] as string)
        if (!node) break
        for (const end of node.ends) {
          if (end.exact && !exactMatch(end.exact, texts, i)) continue
          out.push({ start: i, end: j + 1, list: end.list })
        }
      }
    }
    return out
  }

  /** Whether the whole `phrase` (space-separated units, any case) is an entry of list `name`. */
  has(name: string, phrase: string): boolean {
    const id = this.lists.indexOf(name)
    return id >= 0 && (this.phrases[id] as Set<string>).has(normalisePhrase(phrase))
  }
}

/** How the trie spells a unit: lower case, ’ as '. */
export function gazetteerKey(unit: string): string {
  return unit.toLowerCase().replace(APOSTROPHE_RE, "'")
}

const APOSTROPHE_RE = /’/g

function normalisePhrase(phrase: string): string {
  return phrase.toLowerCase().replace(/’/g, "'")
}

function exactMatch(expected: readonly string[], texts: readonly string[], at: number): boolean {
  for (let k = 0; k < expected.length; k++) {
    const want = expected[k] as string
    const got = texts[at + k] as string
    if (want.length >= 2 && ALL_CAPS_RE.test(want) && got !== want) return false
  }
  return true
}
