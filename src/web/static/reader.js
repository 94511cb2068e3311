// The annotated reader: renders an analysis@1 from document.text and its standoff spans (UTF-16 offsets,
// which are JS string indices). Each sentence is a row whose gutter says who speaks: the outlet's own
// voice, or the speaker(s) whose attributed content it holds. Attributed content is tinted with the
// speaker's colour; cues and sources are marked; nested attributions carry an underline in the outer
// speaker's colour; entity mentions, time expressions and techniques are marked and explained on hover.
import { h, link, plural } from './dom.js'

// Okabe–Ito based palette (distinguishable with common colour-vision deficiencies): [ink, tint].
const PALETTE = [
  ['#0060a0', '#d9ebf8'],
  ['#b34d00', '#fbe3d2'],
  ['#007a5a', '#d5f2e8'],
  ['#a8457f', '#f7e1ee'],
  ['#8a6100', '#fbedc9'],
  ['#2b7fb8', '#e0f1fb'],
  ['#6a4a8c', '#ebe2f4'],
  ['#6b5a2e', '#efe8d6'],
]
const UNRESOLVED = ['#555555', '#ebebeb']

/** Speaker colours in order of first attribution, so the first speaker is always blue. */
export function speakerColours(analysis) {
  const colours = new Map()
  for (const a of analysis.attributions) {
    if (a.speaker && !colours.has(a.speaker)) colours.set(a.speaker, PALETTE[colours.size % PALETTE.length])
  }
  return colours
}

function describeTime(t) {
  const fields = (o) =>
    Object.entries(o || {})
      .map(([k, v]) => `${k}=${v}`)
      .join(', ') || 'none'
  return `${t.type} ${t.value}\nstated: ${fields(t.known)}\ninferred from the ${t.anchor === 'mention' ? 'text' : 'publication date'}: ${fields(t.implied)}`
}

function depthOf(a, byId) {
  let depth = 0
  for (let p = a.parent; p && byId.has(p) && depth < 10; p = byId.get(p).parent) depth++
  return depth
}

/** Builds the lookups the renderer needs once per document. */
function index(analysis) {
  const entities = new Map(analysis.entities.map((e) => [e.id, e]))
  const attributions = new Map(analysis.attributions.map((a) => [a.id, a]))
  const colours = speakerColours(analysis)
  const depth = new Map(analysis.attributions.map((a) => [a.id, depthOf(a, attributions)]))
  const colourOf = (a) => (a.speaker && colours.get(a.speaker)) || UNRESOLVED
  const speakerName = (a) => {
    if (a.speaker && entities.has(a.speaker)) return entities.get(a.speaker).name
    if (a.source) return `${analysis.document.text.slice(a.source.start, a.source.end)} (unresolved)`
    return 'unnamed source'
  }
  return { entities, attributions, colours, depth, colourOf, speakerName }
}

/** Everything that can be drawn as a span, with its kind. */
function annotations(analysis) {
  const out = []
  for (const a of analysis.attributions) {
    out.push({ kind: 'content', start: a.content.start, end: a.content.end, a })
    if (a.cue) out.push({ kind: 'cue', start: a.cue.start, end: a.cue.end, a })
    if (a.source) out.push({ kind: 'source', start: a.source.start, end: a.source.end, a })
  }
  for (const m of analysis.mentions) out.push({ kind: 'mention', start: m.start, end: m.end, m })
  for (const t of analysis.times) out.push({ kind: 'time', start: t.start, end: t.end, t })
  for (const p of analysis.techniques) out.push({ kind: 'technique', start: p.start, end: p.end, p })
  return out
}

/** Renders [start,end) of the text as flat segments, each styled by the annotations covering it. */
function renderRange(text, start, end, anns, ix) {
  const inside = anns.filter((x) => x.start < end && x.end > start)
  const cuts = new Set([start, end])
  for (const x of inside) {
    if (x.start > start) cuts.add(x.start)
    if (x.end < end) cuts.add(x.end)
  }
  const points = [...cuts].sort((a, b) => a - b)
  const nodes = []
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i]
    const e = points[i + 1]
    const here = inside.filter((x) => x.start <= s && x.end >= e)
    const piece = text.slice(s, e)
    if (!here.length) {
      nodes.push(piece)
      continue
    }
    nodes.push(segment(piece, s, e, here, ix))
  }
  return nodes
}

function segment(piece, s, e, here, ix) {
  const contents = here
    .filter((x) => x.kind === 'content')
    .sort((x, y) => ix.depth.get(x.a.id) - ix.depth.get(y.a.id))
  const classes = []
  const vars = {}
  const tips = []
  const data = { start: String(s), end: String(e) }
  const inner = contents[contents.length - 1]
  if (inner) {
    const [ink, tint] = ix.colourOf(inner.a)
    classes.push('content', `mode-${inner.a.mode}`)
    vars['--ink'] = ink
    vars['--tint'] = tint
    data.att = inner.a.id
    data.speaker = ix.speakerName(inner.a)
    tips.push(`${ix.speakerName(inner.a)} (${inner.a.mode})`)
    if (contents.length > 1) {
      classes.push('nested')
      vars['--outer'] = ix.colourOf(contents[contents.length - 2].a)[0]
      tips.push(`inside what ${ix.speakerName(contents[contents.length - 2].a)} says`)
    }
  }
  for (const x of here) {
    if (x.kind === 'cue') {
      classes.push('cue')
      vars['--cue'] = ix.colourOf(x.a)[0]
      tips.push(`cue of ${ix.speakerName(x.a)}`)
    } else if (x.kind === 'source') {
      classes.push('source')
      vars['--src'] = ix.colourOf(x.a)[0]
      tips.push(`source: ${ix.speakerName(x.a)}`)
    } else if (x.kind === 'mention') {
      classes.push('mention', `type-${x.m.type}`)
      const ent = x.m.entity && ix.entities.get(x.m.entity)
      tips.push(`${x.m.type} ${x.m.kind}${ent ? `: ${ent.name}` : ''}`)
      if (ent) data.entity = ent.name
    } else if (x.kind === 'time') {
      classes.push('time')
      data.time = x.t.value
      tips.push(describeTime(x.t))
    } else if (x.kind === 'technique') {
      classes.push('technique')
      tips.push(`technique: ${x.p.technique.replace(/_/g, ' ')}`)
    }
  }
  return h(
    'span',
    { class: [...new Set(classes)].join(' '), vars, dataset: data, title: tips.join('\n') },
    piece,
  )
}

/** Who speaks in [start,end): the attributions whose content overlaps it, outermost first. */
function voicesOf(start, end, analysis, ix) {
  return analysis.attributions
    .filter((a) => a.content.start < end && a.content.end > start)
    .sort((x, y) => ix.depth.get(x.id) - ix.depth.get(y.id))
}

// Letters outside every attribution (content, cue and source) above which a sentence that holds an
// attribution also counts as the outlet's own voice: "Salami referred to the recent aggression against
// Gaza that hit the territory in August, saying that …" asserts facts of its own before the cue. Short
// narration ("Salami said", "he added") stays below it.
const OUTLET_LETTERS = 25
const LETTER = /\p{L}/u

function outletLetters(text, start, end, voices) {
  const covered = new Uint8Array(end - start)
  for (const a of voices) {
    for (const span of [a.content, a.cue, a.source]) {
      if (!span) continue
      for (let i = Math.max(span.start, start); i < Math.min(span.end, end); i++) covered[i - start] = 1
    }
  }
  let letters = 0
  for (let i = start; i < end; i++) if (!covered[i - start] && LETTER.test(text[i])) letters++
  return letters
}

function voiceGutter(voices, ix, outletToo) {
  if (!voices.length) return h('div', { class: 'voice outlet' }, 'outlet voice')
  const seen = new Set()
  const chips = outletToo ? [h('span', { class: 'chip outlet-chip' }, 'outlet voice')] : []
  for (const a of voices) {
    const name = ix.speakerName(a)
    if (seen.has(name)) continue
    seen.add(name)
    const [ink] = ix.colourOf(a)
    const label = ix.depth.get(a.id) > 0 ? `↳ ${name}` : name
    chips.push(
      a.speaker
        ? h('a', { class: 'chip', href: link('speaker', name), vars: { '--ink': ink } }, label)
        : h('span', { class: 'chip unresolved', vars: { '--ink': ink } }, label),
    )
  }
  return h('div', { class: 'voice' }, chips)
}

function legend(analysis, ix) {
  const counts = new Map()
  for (const a of analysis.attributions) {
    const key = a.speaker || `?${ix.speakerName(a)}`
    const entry = counts.get(key) || { a, n: 0 }
    entry.n++
    counts.set(key, entry)
  }
  const items = [...counts.values()].sort((x, y) => y.n - x.n)
  return h(
    'section',
    { class: 'legend', 'aria-label': 'Speakers and marks' },
    h('h2', {}, 'Speakers'),
    items.length
      ? h(
          'ul',
          { class: 'speakers' },
          items.map(({ a, n }) =>
            h(
              'li',
              {},
              h('span', {
                class: 'swatch',
                vars: { '--ink': ix.colourOf(a)[0], '--tint': ix.colourOf(a)[1] },
              }),
              a.speaker
                ? h('a', { href: link('speaker', ix.speakerName(a)) }, ix.speakerName(a))
                : ix.speakerName(a),
              h('span', { class: 'count' }, ` ${plural(n, 'statement')}`),
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'No attributed statements: the whole text is in the outlet’s voice.'),
    h(
      'p',
      { class: 'key' },
      h(
        'span',
        { class: 'content', vars: { '--tint': PALETTE[0][1], '--ink': PALETTE[0][0] } },
        'attributed content',
      ),
      ' ',
      h('span', { class: 'cue', vars: { '--cue': PALETTE[0][0] } }, 'cue'),
      ' ',
      h('span', { class: 'source', vars: { '--src': PALETTE[0][0] } }, 'source'),
      ' ',
      h(
        'span',
        { class: 'content nested', vars: { '--tint': PALETTE[1][1], '--outer': PALETTE[0][0] } },
        'nested',
      ),
      ' ',
      h('span', { class: 'mention' }, 'entity'),
      ' ',
      h('span', { class: 'time' }, 'time'),
      ' ',
      h('span', { class: 'technique' }, 'technique'),
    ),
  )
}

function toggles(root) {
  const box = (name, label) =>
    h(
      'label',
      {},
      h('input', {
        type: 'checkbox',
        checked: true,
        onchange: (ev) => root.classList.toggle(`hide-${name}`, !ev.target.checked),
      }),
      ` ${label}`,
    )
  return h(
    'fieldset',
    { class: 'toggles' },
    h('legend', {}, 'Show'),
    box('mentions', 'entities'),
    box('times', 'times'),
    box('techniques', 'techniques'),
  )
}

/** The attribution table under the text: the same facts as the highlights, readable by a screen reader. */
function attributionTable(analysis, ix) {
  const text = analysis.document.text
  if (!analysis.attributions.length) return null
  const excerpt = (span) => {
    const s = text.slice(span.start, span.end)
    return s.length > 220 ? `${s.slice(0, 220)}…` : s
  }
  return h(
    'section',
    { class: 'attributions' },
    h('h2', {}, 'Attributions'),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['', 'speaker', 'as', 'cue', 'mode', 'content'].map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h(
        'tbody',
        {},
        analysis.attributions.map((a) =>
          h(
            'tr',
            { id: `row-${a.id}` },
            h('td', {}, h('a', { href: `#att-${a.id}`, 'data-jump': a.id, class: 'jump' }, a.id)),
            h(
              'td',
              {},
              h('span', {
                class: 'swatch',
                vars: { '--ink': ix.colourOf(a)[0], '--tint': ix.colourOf(a)[1] },
              }),
              ` ${ix.speakerName(a)}`,
            ),
            h('td', {}, a.source ? text.slice(a.source.start, a.source.end) : '—'),
            h('td', {}, a.cue ? text.slice(a.cue.start, a.cue.end) : '—'),
            h('td', {}, a.mode + (a.parent ? ` (inside ${a.parent})` : '')),
            h('td', { class: 'quote' }, excerpt(a.content)),
          ),
        ),
      ),
    ),
  )
}

function entityList(analysis) {
  const named = analysis.entities.filter((e) => e.mentions.length > 0)
  if (!named.length) return null
  return h(
    'section',
    { class: 'entities' },
    h('h2', {}, 'Entities'),
    h(
      'ul',
      {},
      named.map((e) =>
        h(
          'li',
          {},
          h('a', { href: link('entity', e.name) }, e.name),
          h('span', { class: 'muted' }, ` ${e.type} · ${plural(e.mentions.length, 'mention')}`),
        ),
      ),
    ),
  )
}

/** What the reader knows at one point of the text: shown in the side panel when a highlight is clicked. */
function detailsOf(start, end, anns, analysis, ix) {
  const text = analysis.document.text
  const surface = (span) => (span ? `“${text.slice(span.start, span.end)}”` : '—')
  const here = anns.filter((x) => x.start <= start && x.end >= end)
  const items = []
  const seen = new Set()
  for (const x of here) {
    if (x.a) {
      if (seen.has(x.a.id)) continue
      seen.add(x.a.id)
      const a = x.a
      const name = ix.speakerName(a)
      items.push(
        h(
          'li',
          {},
          h('strong', {}, `${a.id} ${a.mode} attribution`),
          h(
            'dl',
            {},
            h('dt', {}, 'speaker'),
            h('dd', {}, a.speaker ? h('a', { href: link('speaker', name) }, name) : name),
            h('dt', {}, 'source'),
            h('dd', {}, surface(a.source)),
            h('dt', {}, 'cue'),
            h('dd', {}, surface(a.cue)),
            a.parent
              ? [
                  h('dt', {}, 'inside'),
                  h('dd', {}, `${a.parent} (${ix.speakerName(ix.attributions.get(a.parent))})`),
                ]
              : null,
            h('dt', {}, 'rule'),
            h('dd', {}, `${a.prov.stage}/${a.prov.rule}`),
          ),
        ),
      )
    } else if (x.m) {
      const ent = x.m.entity && ix.entities.get(x.m.entity)
      items.push(
        h(
          'li',
          {},
          h('strong', {}, `${x.m.type} ${x.m.kind}`),
          ' ',
          surface(x.m),
          ent ? [' → ', h('a', { href: link('entity', ent.name) }, ent.name)] : null,
        ),
      )
    } else if (x.t) {
      items.push(
        h(
          'li',
          {},
          h('strong', {}, `${x.t.type} `),
          h('code', {}, x.t.value),
          ' ',
          surface(x.t),
          h('pre', { class: 'time-fields' }, describeTime(x.t).split('\n').slice(1).join('\n')),
        ),
      )
    } else if (x.p) {
      items.push(
        h(
          'li',
          {},
          h('strong', {}, 'technique '),
          x.p.technique.replace(/_/g, ' '),
          x.p.score !== undefined ? ` (${Number(x.p.score).toFixed(2)})` : '',
        ),
      )
    }
  }
  return items.length
    ? h('ul', { class: 'details-list' }, items)
    : h('p', { class: 'muted' }, 'Nothing marked here.')
}

/** Time expressions with their normalised values: what hover shows, listed for keyboard and screen-reader users. */
function timeList(analysis) {
  if (!analysis.times.length) return null
  const text = analysis.document.text
  return h(
    'section',
    { class: 'times' },
    h('h2', {}, 'Times'),
    h(
      'ul',
      {},
      analysis.times.map((t) =>
        h(
          'li',
          {},
          h('span', { class: 'time', title: describeTime(t) }, text.slice(t.start, t.end)),
          ' → ',
          h('code', {}, t.value),
        ),
      ),
    ),
  )
}

/**
 * The check-worthy claims, most check-worthy first: whose claim it is (a speaker, or the outlet's own
 * voice), the score and the text, with a jump to the attribution. A score ranks; it is no verdict.
 */
function claimList(analysis, ix) {
  const claims = analysis.claims || []
  if (!claims.length) return null
  const text = analysis.document.text
  const byId = new Map(analysis.attributions.map((a) => [a.id, a]))
  const excerpt = (c) => {
    const s = text.slice(c.start, c.end)
    return s.length > 220 ? `${s.slice(0, 220)}…` : s
  }
  return h(
    'section',
    { class: 'claims' },
    h('h2', {}, 'Check-worthy claims'),
    h(
      'p',
      { class: 'muted' },
      'Statements a fact-checker may want to check, ranked by a check-worthiness model. The score says how checkable a statement looks, not whether it is true.',
    ),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['score', 'whose', 'claim'].map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h(
        'tbody',
        {},
        [...claims]
          .sort((x, y) => y.checkworthiness - x.checkworthiness || x.start - y.start)
          .map((c) => {
            const a = c.attribution ? byId.get(c.attribution) : null
            return h(
              'tr',
              { id: `claim-${c.id}` },
              h('td', { class: 'score' }, c.checkworthiness.toFixed(2)),
              h(
                'td',
                {},
                a
                  ? h('a', { href: `#att-${a.id}`, 'data-jump': a.id, class: 'jump' }, ix.speakerName(a))
                  : 'outlet voice',
              ),
              h('td', { class: 'quote' }, excerpt(c)),
            )
          }),
      ),
    ),
  )
}

/** Persuasion techniques by name, with how often each was found. */
function techniqueList(analysis) {
  if (!analysis.techniques.length) return null
  const counts = new Map()
  for (const p of analysis.techniques) counts.set(p.technique, (counts.get(p.technique) || 0) + 1)
  return h(
    'section',
    { class: 'techniques' },
    h('h2', {}, 'Techniques'),
    h(
      'ul',
      {},
      [...counts.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([name, n]) =>
          h(
            'li',
            {},
            h('span', { class: 'technique' }, name.replace(/_/g, ' ')),
            h('span', { class: 'muted' }, ` ${n}`),
          ),
        ),
    ),
  )
}

/**
 * The whole reader for one analysis. `focus` is an attribution id to scroll to (from a speaker page);
 * `span` ({ start, end }, offsets into the text) marks the rows that hold a claim (from the claims page).
 */
export function renderReader(analysis, { focus, span } = {}) {
  const text = analysis.document.text
  const ix = index(analysis)
  const anns = annotations(analysis)
  const article = h('article', {
    class: 'reader',
    'aria-label': 'Annotated text',
    lang: analysis.document.language || null,
  })
  const blocks = analysis.blocks.length
    ? analysis.blocks
    : [{ start: 0, end: text.length, kind: 'paragraph' }]
  let si = 0
  const sentences = analysis.sentences
  for (const block of blocks) {
    const section = h('div', { class: `block kind-${block.kind}` })
    while (si < sentences.length && sentences[si].end <= block.start) si++
    let cursor = block.start
    const rows = []
    const addRow = (start, end) => {
      if (!text.slice(start, end).trim()) return
      const voices = voicesOf(start, end, analysis, ix)
      const outletToo =
        voices.length > 0 && outletLetters(text, start, end, analysis.attributions) >= OUTLET_LETTERS
      rows.push(
        h(
          'div',
          { class: 'row' },
          voiceGutter(voices, ix, outletToo),
          h(
            'p',
            { class: 'sentence', dataset: { start: String(start), end: String(end) } },
            renderRange(text, start, end, anns, ix),
          ),
        ),
      )
    }
    while (si < sentences.length && sentences[si].start < block.end) {
      const s = sentences[si]
      if (s.start > cursor) addRow(cursor, s.start)
      addRow(Math.max(s.start, block.start), Math.min(s.end, block.end))
      cursor = Math.max(cursor, s.end)
      if (s.end > block.end) break
      si++
    }
    if (cursor < block.end) addRow(cursor, block.end)
    section.append(...rows)
    article.append(section)
  }
  // Anchors for the attribution table: the first segment of each content.
  for (const a of analysis.attributions) {
    const first = article.querySelector(`[data-att="${a.id}"]`)
    if (first && !first.id) {
      first.id = `att-${a.id}`
      // One tab stop per attribution (its first segment), so keyboard users can walk the statements.
      first.tabIndex = 0
    }
  }
  const root = h('div', { class: 'reader-layout' })
  const details = h(
    'section',
    { class: 'details', 'aria-live': 'polite' },
    h('h2', {}, 'Selected'),
    h('p', { class: 'muted' }, 'Click highlighted text to see who says it, the cue and the source.'),
  )
  const select = (seg) => {
    for (const el of article.querySelectorAll('.selected')) el.classList.remove('selected')
    seg.classList.add('selected')
    details.replaceChildren(
      details.firstChild,
      detailsOf(Number(seg.dataset.start), Number(seg.dataset.end), anns, analysis, ix),
    )
  }
  article.addEventListener('click', (ev) => {
    const seg = ev.target.closest('span[data-start]')
    if (seg) select(seg)
  })
  article.addEventListener('keydown', (ev) => {
    const seg = ev.target.closest('span[data-start]')
    if (!seg || (ev.key !== 'Enter' && ev.key !== ' ')) return
    ev.preventDefault()
    select(seg)
  })
  const side = h(
    'aside',
    { class: 'side' },
    details,
    legend(analysis, ix),
    toggles(root),
    entityList(analysis),
    timeList(analysis),
    techniqueList(analysis),
  )
  root.append(
    h('div', { class: 'text-col' }, article, attributionTable(analysis, ix), claimList(analysis, ix)),
    side,
  )
  root.addEventListener('click', (ev) => {
    const jump = ev.target.closest('[data-jump]')
    if (!jump) return
    ev.preventDefault()
    highlight(root, jump.dataset.jump)
  })
  if (focus) queueMicrotask(() => highlight(root, focus))
  else if (span) queueMicrotask(() => highlightSpan(article, span))
  return root
}

/**
 * Marks the rows of the text that overlap a span (a claim in the outlet's own voice has no attribution
 * to jump to, only offsets) and scrolls to the first.
 */
function highlightSpan(article, { start, end }) {
  const rows = [...article.querySelectorAll('p.sentence')].filter(
    (p) => Number(p.dataset.start) < end && Number(p.dataset.end) > start,
  )
  for (const p of rows) p.classList.add('focus')
  if (!rows[0]) return
  rows[0].tabIndex = -1
  rows[0].scrollIntoView({ block: 'center', behavior: 'smooth' })
  rows[0].focus({ preventScroll: true })
}

function highlight(root, id) {
  for (const el of root.querySelectorAll('.focus')) el.classList.remove('focus')
  const segs = root.querySelectorAll(`[data-att="${CSS.escape(id)}"]`)
  for (const el of segs) el.classList.add('focus')
  if (!segs[0]) return
  segs[0].scrollIntoView({ block: 'center', behavior: 'smooth' })
  segs[0].focus({ preventScroll: true })
}

/** Title, outlet, date and link of a document, and its wire-copy links when stored. */
export function documentHeader(analysis) {
  const d = analysis.document
  const meta = [d.outlet, d.published, d.byline].filter(Boolean).join(' · ')
  const stored = analysis.stored
  return h(
    'header',
    { class: 'doc-head' },
    h('h1', {}, d.title || 'Untitled document'),
    meta ? h('p', { class: 'muted' }, meta) : null,
    d.url
      ? h(
          'p',
          { class: 'muted url' },
          /^https?:\/\//i.test(d.url)
            ? h('a', { href: d.url, rel: 'noopener noreferrer nofollow' }, d.url)
            : d.url,
        )
      : null,
    stored && stored.nearDuplicateOf
      ? h(
          'p',
          {},
          'A near copy of ',
          h('a', { href: link('doc', stored.nearDuplicateOf.id) }, `document ${stored.nearDuplicateOf.id}`),
          ` (similarity ${stored.nearDuplicateOf.similarity.toFixed(2)})`,
        )
      : null,
    stored && stored.copies && stored.copies.length
      ? h(
          'p',
          {},
          'Copied by: ',
          stored.copies.map((id, i) => [i ? ', ' : '', h('a', { href: link('doc', id) }, `document ${id}`)]),
        )
      : null,
  )
}
