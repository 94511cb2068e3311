/**
 * Hand-made `claimtrail/analysis@1` documents for the store contract and corpus tests: real news
 * paragraphs (the IRGC interview of test/corpus, a wire copy of it, a transliteration variant) with
 * attributions placed by surface string, so the tests do not depend on the state of the NLP stages.
 */
import { AnalysisSchema, SCHEMA_ID, type Analysis } from '../model/analysis.js'
import type { AttributionMode, EntityType } from '../model/layers.js'

export interface FixtureQuote {
  speaker: string | null
  speakerType?: EntityType
  /** The local source mention, verbatim (defaults to the speaker's name). */
  source?: string
  cue: string
  content: string
  mode: AttributionMode
}

export interface FixtureDocument {
  id: string
  text: string
  title: string
  outlet: string
  published: string
  url: string
  quotes: FixtureQuote[]
  /** Other entity names mentioned (ORG, GPE…), with their types. */
  mentions?: [string, EntityType][]
}

const LETTER = /\p{L}/u

/** The first whole-word occurrence of `surface` at or after `from`. */
function find(text: string, surface: string, from = 0): { start: number; end: number } {
  let start = text.indexOf(surface, from)
  while (start >= 0) {
    const end = start + surface.length
    if (!LETTER.test(text[start - 1] ?? ' ') && !LETTER.test(text[end] ?? ' ')) return { start, end }
    start = text.indexOf(surface, start + 1)
  }
  throw new Error(`fixture: "${surface}" is not in the text`)
}

/**
 * Builds a valid analysis from a fixture: entities for speakers and mentions, one attribution per quote
 * with its spans found in the text. Validated against the public schema.
 *
 * @example const analysis = fixtureAnalysis(IRGC_PRESS_TV)
 */
export function fixtureAnalysis(doc: FixtureDocument): Analysis {
  const { text } = doc
  const entities: Analysis['entities'] = []
  const mentions: Analysis['mentions'] = []
  const entityIds = new Map<string, `e${number}`>()
  const entity = (name: string, type: EntityType): `e${number}` => {
    let id = entityIds.get(`${type}:${name}`)
    if (!id) {
      id = `e${entities.length + 1}`
      entityIds.set(`${type}:${name}`, id)
      entities.push({ id, type, name, titles: [], mentions: [] })
    }
    return id
  }
  const mention = (surface: string, type: EntityType, entityId: `e${number}`, from = 0): void => {
    const span = find(text, surface, from)
    if (mentions.some((m) => m.start === span.start && m.end === span.end)) return
    const id = `m${mentions.length + 1}` as const
    mentions.push({
      id,
      ...span,
      type,
      kind: surface === 'He' || surface === 'he' ? 'pronoun' : 'name',
      entity: entityId,
    })
    entities.find((e) => e.id === entityId)?.mentions.push(id)
  }
  for (const [name, type] of doc.mentions ?? []) {
    const id = entity(name, type)
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length))
      mention(name, type, id, at)
  }

  const attributions: Analysis['attributions'] = doc.quotes.map((q, i) => {
    const content = find(text, q.content)
    const sourceSurface = q.source ?? q.speaker
    const source = sourceSurface ? find(text, sourceSurface, Math.max(0, content.start - 300)) : null
    const cue = find(text, q.cue, Math.max(0, (source ?? content).start - 5))
    const speaker = q.speaker ? entity(q.speaker, q.speakerType ?? 'PERSON') : null
    if (speaker && source)
      mention(text.slice(source.start, source.end), q.speakerType ?? 'PERSON', speaker, source.start)
    return {
      id: `a${i + 1}` as const,
      mode: q.mode,
      cue,
      content,
      source,
      speaker,
      parent: null,
      prov: { stage: 'fixture', rule: 'hand-made' },
    }
  })
  const bySpan = <T extends { start: number; end: number }>(a: T, b: T): number =>
    a.start - b.start || b.end - a.end
  mentions.sort(bySpan)
  attributions.sort((a, b) => a.content.start - b.content.start || b.content.end - a.content.end)
  return AnalysisSchema.parse({
    schema: SCHEMA_ID,
    id: doc.id,
    document: {
      text,
      title: doc.title,
      published: doc.published,
      url: doc.url,
      outlet: doc.outlet,
      byline: null,
      language: 'en',
    },
    blocks: [{ start: 0, end: text.length, kind: 'paragraph' }],
    sentences: [],
    mentions,
    entities,
    attributions,
    times: [],
    techniques: [],
    claims: [],
    diagnostics: [],
    provenance: { engine: 'fixture', stages: {}, models: {} },
  })
}

const IRGC_TEXT =
  'Chief Commander of Iran’s Islamic Revolution Guards Corps (IRGC), Major General Hossein Salami, said that the recent defeat of the Zionist regime in its conflict with the resistance front has made the Palestinian people believe that they can retake their land in the near future.\n\n' +
  'Salami made the comment in an interview with the official website of Supreme Leader of the Islamic Revolution, Ayatollah Seyyed Ali Khamenei.\n\n' +
  'The IRGC chief commander said that the resistance against the Zionist regime in the occupied Palestinian territories has been intensified since early 2022, with a large number of Zionists being killed in operations by resistance groups.\n\n' +
  'Today, he added, fighting against the Zionist regime is not limited to the Gaza Strip and has expanded to the occupied West Bank as well.\n\n' +
  'The IRGC commander said that the occupied West Bank is being equipped with arms and this process is taking place as it has already occurred in the Gaza Strip.'

/** The IRGC interview as the first outlet ran it. */
export const IRGC_PRESS_TV: FixtureDocument = {
  id: 'presstv-1',
  text: IRGC_TEXT,
  title: 'IRGC chief: Zionist regime faces rockets from all sides',
  outlet: 'Press TV',
  published: '2022-09-01',
  url: 'https://example.org/presstv/irgc-chief',
  mentions: [
    ['Islamic Revolution Guards Corps', 'ORG'],
    ['Gaza Strip', 'GPE'],
  ],
  quotes: [
    {
      speaker: 'Hossein Salami',
      cue: 'said',
      content:
        'the recent defeat of the Zionist regime in its conflict with the resistance front has made the Palestinian people believe that they can retake their land in the near future',
      mode: 'indirect',
    },
    {
      speaker: 'Hossein Salami',
      source: 'he',
      cue: 'added',
      content:
        'fighting against the Zionist regime is not limited to the Gaza Strip and has expanded to the occupied West Bank as well',
      mode: 'indirect',
    },
    {
      speaker: 'Hossein Salami',
      source: 'The IRGC commander',
      cue: 'said',
      content:
        'the occupied West Bank is being equipped with arms and this process is taking place as it has already occurred in the Gaza Strip',
      mode: 'indirect',
    },
  ],
}

/** The same story picked up by a second outlet a day later: new headline, last paragraph dropped. */
export const IRGC_WIRE_COPY: FixtureDocument = {
  ...IRGC_PRESS_TV,
  id: 'tasnim-7',
  text: IRGC_TEXT.slice(0, IRGC_TEXT.lastIndexOf('\n\n')).replace('Today, he added,', 'Today, he added,'),
  title: 'Salami: resistance has spread to the West Bank',
  outlet: 'Tasnim',
  published: '2022-09-02',
  url: 'https://example.org/tasnim/salami-west-bank',
  quotes: IRGC_PRESS_TV.quotes.slice(0, 2),
}

/** A different story, quoting the Supreme Leader under another transliteration and a direct quote. */
export const KHAMENEHI_SPEECH: FixtureDocument = {
  id: 'irna-3',
  text:
    'Ayatollah Ali Khamenehi said on Wednesday that the country would not negotiate under pressure.\n\n' +
    '"We will not bow to threats, and the nation will stand firm," Khamenehi told a gathering of students in Tehran.\n\n' +
    'The Foreign Ministry said that talks with European envoys would continue next month.',
  title: 'Leader rules out talks under pressure',
  outlet: 'IRNA',
  published: '2022-10-05',
  url: 'https://example.org/irna/leader-talks',
  mentions: [
    ['Tehran', 'GPE'],
    ['Foreign Ministry', 'ORG'],
  ],
  quotes: [
    {
      speaker: 'Ayatollah Ali Khamenehi',
      source: 'Ayatollah Ali Khamenehi',
      cue: 'said',
      content: 'the country would not negotiate under pressure',
      mode: 'indirect',
    },
    {
      speaker: 'Ali Khamenehi',
      source: 'Khamenehi',
      cue: 'told',
      content: '"We will not bow to threats, and the nation will stand firm,"',
      mode: 'direct',
    },
    {
      speaker: 'Foreign Ministry',
      speakerType: 'ORG',
      source: 'The Foreign Ministry',
      cue: 'said',
      content: 'talks with European envoys would continue next month',
      mode: 'indirect',
    },
  ],
}
