/**
 * Name calling as a label: an actor named by a pejorative or ideological tag ("Zionists", "Takfiri
 * groups", "the puppet military", "war maniacs", "the leftists"). Labels come from the hand list
 * data/techniques/name-calling-labels.tsv. A `head` label fires only where it is the noun phrase's head
 * (the next word is a function word or there is none), so "communist China" or "extremist views" stay
 * unmarked; a `modifier` label also fires before a group noun ("Takfiri groups"). Its spans lie 44%
 * inside gold name-calling spans on PTC train (108 spans), 25% on dev (28).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { dataDir } from '../paths.js'
import type { PatternDetector, RuleSpan } from './rule-span.js'

/** Rule name recorded in provenance. */
export const NAME_CALLING_LABEL_RULE = 'name-calling:actor-label'

/** Nouns for a group or body of people that a modifier label turns into a label ("puppet military"). */
const GROUP_NOUNS =
  'groups?|regimes?|forces|military|army|armies|troops|gangs?|militants|militias?|elements|entity|clique|' +
  'authorities|government|rulers|media|mercenaries|lobby|occupiers|terrorists|bands?'

/** Words after which a label is still the head of its phrase (function words, verbs of saying, copulas). */
const AFTER_HEAD = new Set(
  (
    'the a an of and or but nor who whom whose which that are is was were be been being have has had ' +
    'will would can could should may might must shall in on at to for from by with as than like into ' +
    'about over after before against within without during under not so if when while because since ' +
    'do does did said say says claim claims claimed also still thus then too now here there'
  ).split(' '),
)

const NEXT_WORD = /\s*([\p{L}'’-]+)?/uy

interface Labels {
  head: string[]
  modifier: string[]
}

function readLabels(): Labels {
  const out: Labels = { head: [], modifier: [] }
  const source = readFileSync(path.join(dataDir(), 'name-calling-labels.tsv'), 'utf8')
  for (const line of source.split('\n')) {
    if (line === '' || line.startsWith('#') || line.startsWith('term\t')) continue
    const [term, use] = line.split('\t')
    if (term && (use === 'head' || use === 'modifier')) out[use].push(term)
  }
  return out
}

function alternation(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')
}

let pattern: RegExp | undefined
let modifiers: Set<string> | undefined

function compiled(): { pattern: RegExp; modifiers: Set<string> } {
  if (!pattern || !modifiers) {
    const labels = readLabels()
    modifiers = new Set(labels.modifier)
    // A label word (not part of a hyphenated compound), optionally followed by a group noun.
    pattern = new RegExp(
      `(?<![\\p{L}-])(${alternation([...labels.head, ...labels.modifier])})(?![\\p{L}-])(?:\\s+(${GROUP_NOUNS})(?![\\p{L}-]))?`,
      'giu',
    )
  }
  return { pattern, modifiers }
}

/**
 * Label spans in `text`.
 *
 * @example
 * findActorLabels('a large number of Zionists being killed') // [{ start: 18, end: 26, cues: ['Zionists'] }]
 */
export function findActorLabels(text: string): RuleSpan[] {
  const { pattern: rx, modifiers: mods } = compiled()
  const out: RuleSpan[] = []
  rx.lastIndex = 0
  for (let m = rx.exec(text); m; m = rx.exec(text)) {
    const label = m[1] as string
    const lower = label.toLowerCase()
    if (m[2] !== undefined && mods.has(lower)) {
      out.push({ start: m.index, end: m.index + m[0].length, cues: [label] })
      continue
    }
    const labelEnd = m.index + label.length
    NEXT_WORD.lastIndex = labelEnd
    const next = NEXT_WORD.exec(text)?.[1]
    if (next === undefined || AFTER_HEAD.has(next.toLowerCase())) {
      out.push({ start: m.index, end: labelEnd, cues: [label] })
    }
    // A group noun that did not make a modifier label may start the next match.
    rx.lastIndex = labelEnd
  }
  return out
}

/** The detector as wired into detect.ts. */
export const actorLabelDetector: PatternDetector = {
  technique: 'name_calling_labeling',
  rule: NAME_CALLING_LABEL_RULE,
  score: 0.44,
  find: findActorLabels,
}
