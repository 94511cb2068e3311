/**
 * Salience of the entities at a point of the text, after Lappin & Leass (1994), without a parser:
 * each sentence in the window where the entity is mentioned adds 100 (recency), +80 when that mention
 * is a clause subject, halved per sentence of distance (the best mention of a sentence counts once). The weights are L&L's published ones; the subject test is our proxy.
 */
import type { Cluster } from './model.js'

/** How many sentences back an antecedent may be (Stanford's pronoun sieve uses 3). */
export const WINDOW_SENTENCES = 3
/**
 * A longer look-back used only when the normal window holds no candidate and exactly one entity agrees
 * in it: the topic of a profile ("Bos … He also runs the blog. The blog … The name … He now discusses").
 */
export const TOPIC_WINDOW_SENTENCES = 6
const RECENCY = 100
const SUBJECT = 80

export interface Salient {
  cluster: Cluster
  score: number
  /** Start of the cluster's latest mention before the point. */
  latest: number
  /** Whether that latest mention is a subject. */
  latestSubject: boolean
  latestSentence: number
  latestLast: number
}

/**
 * Clusters with a mention ending at or before `offset` within the window, with their salience.
 *
 * @example salienceAt(clusters, 812, 5)[0] // { cluster, score: 180, … }
 */
export function salienceAt(
  clusters: readonly Cluster[],
  offset: number,
  sentence: number,
  window: number = WINDOW_SENTENCES,
): Salient[] {
  const out: Salient[] = []
  for (const cluster of clusters) {
    let score = 0
    let latest = -1
    let latestSubject = false
    let latestSentence = -1
    let latestLast = -1
    const perSentence = new Map<number, number>()
    for (const m of cluster.mentions) {
      if (m.end > offset || m.embedded) continue
      const distance = sentence - m.sentence
      if (distance < 0 || distance > window) continue
      // L&L count each factor once per sentence: the best mention of the sentence stands for the entity.
      const value = (RECENCY + (m.subject ? SUBJECT : 0)) / 2 ** distance
      perSentence.set(m.sentence, Math.max(perSentence.get(m.sentence) ?? 0, value))
      if (m.start > latest) {
        latest = m.start
        latestSubject = m.subject
        latestSentence = m.sentence
        latestLast = m.last
      }
    }
    for (const v of perSentence.values()) score += v
    if (score > 0) out.push({ cluster, score, latest, latestSubject, latestSentence, latestLast })
  }
  return out
}

/** Highest score first; the more recent entity wins a tie. */
export function bySalience(a: Salient, b: Salient): number {
  return b.score - a.score || b.latest - a.latest
}
