/**
 * Typed access to the built reporting-verb list (`data/attribution/reporting-verbs.tsv`), loaded once per
 * process on first use. Its sha256 goes into the analysis provenance through ctx.useModel.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** How a reporting verb introduces its content (see build-lexicon.ts). */
export type VerbFrame = 'say' | 'tell' | 'that' | 'quote'

export interface ReportingVerb {
  form: string
  lemma: string
  frame: VerbFrame
  stance: string
  /** Its noun-phrase object is content ("called Trump a liar", "endorsed Clinton"). */
  object: boolean
}

export interface ReportingVerbLexicon {
  /** Lower-case inflected form -> entry. */
  byForm: ReadonlyMap<string, ReportingVerb>
  /** sha256 of the TSV file, for provenance. */
  hash: string
}

// src/nlp/attribution and dist/nlp/attribution both sit three levels below the package root.
const LEXICON_URL = new URL('../../../data/attribution/reporting-verbs.tsv', import.meta.url)

let cached: ReportingVerbLexicon | undefined

/** Parses the TSV format written by build-lexicon.ts. */
export function parseReportingVerbs(tsv: string): Map<string, ReportingVerb> {
  const byForm = new Map<string, ReportingVerb>()
  for (const line of tsv.split('\n')) {
    if (!line || line.startsWith('#')) continue
    const [form, lemma, frame, stance, object] = line.split('\t')
    if (!form || !lemma) continue
    const f: VerbFrame = frame === 'say' || frame === 'tell' || frame === 'quote' ? frame : 'that'
    byForm.set(form, { form, lemma, frame: f, stance: stance ?? 'neutral', object: object === '1' })
  }
  return byForm
}

/**
 * The reporting-verb lexicon, read from disk on first call and cached for the process.
 *
 * @example reportingVerbs().byForm.get('said')?.lemma // 'say'
 */
export function reportingVerbs(): ReportingVerbLexicon {
  if (!cached) {
    const raw = readFileSync(fileURLToPath(LEXICON_URL), 'utf8')
    cached = { byForm: parseReportingVerbs(raw), hash: createHash('sha256').update(raw).digest('hex') }
  }
  return cached
}
