/**
 * Turns the working clusters into the output layers: all mentions (input + added) sorted by
 * (start asc, end desc) and renumbered m1..mN, entities e1..eN in order of first mention, each with its
 * canonical name (the longest name, titles stripped), its titles (deduplicated, in order of first
 * appearance) and its mentions. Ties in the sort fall back to kind and type, so output is deterministic.
 */
import type { Entity, EntityType, Mention, MentionId } from '../../model/layers.js'
import type { Cluster, WorkMention } from './model.js'
import type { ClusterSet } from './name-sieves.js'

const KIND_ORDER = { name: 0, acronym: 1, nominal: 2, pronoun: 3 } as const

function canonicalName(c: Cluster): string {
  let best: WorkMention | undefined
  for (const m of c.mentions) {
    if ((m.kind !== 'name' && m.kind !== 'acronym') || !m.name) continue
    if (
      !best ||
      m.words.length > best.words.length ||
      (m.words.length === best.words.length && m.kind === 'name' && best.kind === 'acronym') ||
      (m.words.length === best.words.length && m.kind === best.kind && m.name.length > best.name.length)
    ) {
      best = m
    }
  }
  return best?.name ?? c.roleName ?? ''
}

/** The majority type of the cluster's name mentions (first one on a tie); the cluster type otherwise. */
function entityType(c: Cluster): EntityType {
  const counts = new Map<EntityType, number>()
  for (const m of c.mentions)
    if (m.kind === 'name' || m.kind === 'acronym') counts.set(m.type, (counts.get(m.type) ?? 0) + 1)
  let best: EntityType = c.type
  let bestCount = 0
  for (const [type, count] of counts) {
    if (count > bestCount) {
      best = type
      bestCount = count
    }
  }
  return best
}

/**
 * Titles in order of first appearance, each once; a title that is part of a longer one ("Professor"
 * beside "Emeritus Professor", "General" beside "Major General") is left out.
 */
function titlesOf(c: Cluster): string[] {
  const seen = new Set<string>()
  const all: string[] = []
  for (const t of [...c.titles].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const k = t.text.toLowerCase()
    if (seen.has(k)) continue
    seen.add(k)
    all.push(t.text)
  }
  const padded = all.map((t) => ` ${t.toLowerCase()} `)
  return all.filter((t, i) => !padded.some((u, j) => j !== i && u.includes(` ${t.toLowerCase()} `)))
}

/**
 * Builds the `mentions` and `entities` layers.
 *
 * @example assemble(set, mentions) // { mentions: [{ id: 'm1', … entity: 'e1' }], entities: [{ id: 'e1', … }] }
 */
export function assemble(
  set: ClusterSet,
  mentions: readonly WorkMention[],
): { mentions: Mention[]; entities: Entity[] } {
  const order = mentions
    .map((m, index) => ({ m, index }))
    .sort(
      (a, b) =>
        a.m.start - b.m.start ||
        b.m.end - a.m.end ||
        KIND_ORDER[a.m.kind] - KIND_ORDER[b.m.kind] ||
        a.m.type.localeCompare(b.m.type) ||
        a.index - b.index,
    )
  const entityIds = new Map<number, `e${number}`>()
  const entities: Entity[] = []
  const out: Mention[] = []
  order.forEach(({ m }, i) => {
    const id: MentionId = `m${i + 1}`
    let entity: `e${number}` | null = null
    if (m.cluster >= 0) {
      const c = set.get(m.cluster)
      entity = entityIds.get(c.id) ?? null
      if (entity === null) {
        entity = `e${entities.length + 1}`
        entityIds.set(c.id, entity)
        entities.push({
          id: entity,
          type: entityType(c),
          name: canonicalName(c),
          titles: c.type === 'PERSON' ? titlesOf(c) : [],
          mentions: [],
        })
      }
      ;(entities[Number(entity.slice(1)) - 1] as Entity).mentions.push(id)
    }
    out.push({ id, start: m.start, end: m.end, type: m.type, kind: m.kind, entity })
  })
  return { mentions: out, entities }
}
