// claimtrail web UI: a hash router over its pages (reader, document, search, speakers, speaker,
// techniques, claims, entity).
// Plain ES modules, no build step, no external resources.
import { getJson, postJson } from './api.js'
import { h, link, plural } from './dom.js'
import { documentHeader, renderReader } from './reader.js'
import { MODE_COLOURS, timeline } from './timeline.js'

const main = document.getElementById('main')
const errorBox = document.getElementById('error')

function showError(error) {
  errorBox.textContent = error ? error.message || String(error) : ''
  errorBox.hidden = !error
}

function setPage(title, ...children) {
  document.title = title ? `${title} · claimtrail` : 'claimtrail'
  main.replaceChildren(...children.filter(Boolean))
}

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '')
  const [path, qs = ''] = raw.split('?')
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent)
  return { page: parts[0] || 'reader', arg: parts[1], params: Object.fromEntries(new URLSearchParams(qs)) }
}

// Reader: paste text or HTML, or open a stored document by id.
let lastAnalysis = null

function readerPage() {
  const text = h('textarea', {
    id: 'input-text',
    name: 'text',
    rows: 10,
    required: true,
    placeholder: 'Paste an article (plain text or HTML)…',
  })
  const published = h('input', { id: 'input-published', name: 'published', type: 'date' })
  const title = h('input', { id: 'input-title', name: 'title', type: 'text', placeholder: 'optional' })
  const save = h('input', { id: 'input-save', name: 'save', type: 'checkbox' })
  const out = h('div', { id: 'reader-out', 'aria-live': 'polite' })
  const button = h('button', { type: 'submit' }, 'Analyse')
  const form = h(
    'form',
    {
      class: 'paste',
      onsubmit: async (ev) => {
        ev.preventDefault()
        showError(null)
        const value = text.value
        if (!value.trim()) return showError(new Error('Paste some text first.'))
        const isHtml = /^\s*</.test(value)
        const body = isHtml ? { html: value } : { text: value }
        if (published.value) body.published = published.value
        if (title.value.trim()) body.title = title.value.trim()
        if (save.checked) body.save = true
        button.disabled = true
        button.textContent = 'Analysing…'
        try {
          const analysis = await postJson('analyze', body)
          lastAnalysis = analysis
          showAnalysis(out, analysis)
          out.scrollIntoView({ behavior: 'smooth', block: 'start' })
          if (analysis.stored) health()
        } catch (error) {
          showError(error)
        } finally {
          button.disabled = false
          button.textContent = 'Analyse'
        }
      },
    },
    h('label', { for: 'input-text' }, 'Article text'),
    text,
    h(
      'div',
      { class: 'form-row' },
      h('label', { for: 'input-published' }, 'Published ', published),
      h('label', { for: 'input-title' }, 'Title ', title),
      h('label', { for: 'input-save', class: 'check' }, save, ' save to corpus'),
      button,
    ),
  )
  const openId = h('input', {
    id: 'open-id',
    type: 'number',
    min: 1,
    inputmode: 'numeric',
    placeholder: 'id',
  })
  const open = h(
    'form',
    {
      class: 'open',
      onsubmit: (ev) => (ev.preventDefault(), openId.value && (location.hash = link('doc', openId.value))),
    },
    h('label', { for: 'open-id' }, 'Open stored document '),
    openId,
    h('button', { type: 'submit' }, 'Open'),
  )
  setPage(
    'Reader',
    h('h1', {}, 'Annotated reader'),
    h(
      'p',
      { class: 'lead' },
      'Who said what, when, about whom: paste an article to see every sentence in the outlet’s voice or a speaker’s.',
    ),
    form,
    open,
    out,
  )
  if (lastAnalysis) showAnalysis(out, lastAnalysis)
}

function showAnalysis(out, analysis, options) {
  const stored =
    analysis.stored && analysis.stored.id
      ? h(
          'p',
          { class: 'notice' },
          `Stored as `,
          h('a', { href: link('doc', analysis.stored.id) }, `document ${analysis.stored.id}`),
          analysis.stored.status === 'duplicate' ? ' (already in the corpus)' : '',
        )
      : null
  const diags = analysis.diagnostics.filter((d) => d.severity !== 'info')
  out.replaceChildren(
    ...[
      documentHeader(analysis),
      stored,
      h(
        'p',
        { class: 'muted summary' },
        `${plural(analysis.sentences.length, 'sentence')} · ${plural(analysis.attributions.length, 'attribution')} · ${plural(analysis.entities.length, 'entity', 'entities')} · ${plural(analysis.times.length, 'time expression')}${analysis.techniques.length ? ` · ${plural(analysis.techniques.length, 'technique')}` : ''}`,
      ),
      diags.length
        ? h(
            'details',
            { class: 'diagnostics' },
            h('summary', {}, plural(diags.length, 'diagnostic')),
            h(
              'ul',
              {},
              diags.map((d) => h('li', {}, `${d.severity} ${d.stage}/${d.rule}: ${d.message}`)),
            ),
          )
        : null,
      renderReader(analysis, options),
    ].filter(Boolean),
  )
}

async function documentPage(id, params) {
  const out = h('div', { id: 'reader-out' })
  setPage(`Document ${id}`, out)
  const analysis = await getJson(`documents/${encodeURIComponent(id)}`)
  document.title = `${analysis.document.title || `Document ${id}`} · claimtrail`
  const [start, end] = (params.at || '').split('-').map(Number)
  const span = Number.isInteger(start) && Number.isInteger(end) ? { start, end } : undefined
  showAnalysis(out, analysis, { focus: params.a, span })
}

// Search with facets.
const FILTERS = ['speaker', 'entity', 'outlet', 'from', 'to', 'mode']
const PAGE_SIZE = 50

/** A text box of a filter form, filled from the page's parameters. */
function filterField(params, name, label, attrs = {}) {
  return h('label', {}, `${label} `, h('input', { name, type: 'text', value: params[name] || '', ...attrs }))
}

/** A query form (the words box, then a row of filters) that goes to `page` with its values. */
function queryForm(page, label, params, ...filters) {
  const form = h(
    'form',
    {
      class: 'search',
      role: 'search',
      onsubmit: (ev) => {
        ev.preventDefault()
        location.hash = link(page, undefined, Object.fromEntries(new FormData(form)))
      },
    },
    h(
      'label',
      { class: 'q' },
      `${label} `,
      h('input', {
        name: 'q',
        type: 'search',
        value: params.q || '',
        placeholder: 'words, "a phrase", -excluded, a OR b',
      }),
    ),
    h('div', { class: 'form-row' }, ...filters),
  )
  return form
}

async function searchPage(params) {
  const field = (name, label, type = 'text') => filterField(params, name, label, { type })
  const form = queryForm(
    'search',
    'Search',
    params,
    field('speaker', 'Speaker'),
    field('entity', 'Entity'),
    field('outlet', 'Outlet'),
    field('from', 'From', 'date'),
    field('to', 'To', 'date'),
    h(
      'label',
      {},
      'Mode ',
      h(
        'select',
        { name: 'mode' },
        ['', 'direct', 'indirect', 'mixed'].map((m) =>
          h('option', { value: m, selected: params.mode === m }, m || 'any'),
        ),
      ),
    ),
    h(
      'label',
      {},
      'In ',
      h(
        'select',
        { name: 'in' },
        ['statements', 'documents'].map((m) =>
          h('option', { value: m, selected: (params.in || 'statements') === m }, m),
        ),
      ),
    ),
    h('button', { type: 'submit' }, 'Search'),
  )
  const results = h('div', { class: 'results', 'aria-live': 'polite' })
  setPage('Search', h('h1', {}, 'Search the corpus'), form, results)
  const limit = Number(params.limit || PAGE_SIZE)
  const result = await getJson('search', { ...params, limit })
  results.replaceChildren(
    h('div', { class: 'search-layout' }, facets(result, params), hitList(result, params, limit)),
  )
}

function facets(result, params) {
  const group = (name, label) => {
    const values = result.facets[name] || []
    if (!values.length) return null
    const key = name === 'year' ? null : name
    return h(
      'section',
      {},
      h('h3', {}, label),
      h(
        'ul',
        {},
        values.slice(0, 12).map((f) => {
          const text = `${f.label || f.value} (${f.count})`
          if (!key)
            return h(
              'li',
              {},
              h(
                'a',
                {
                  href: link('search', undefined, {
                    ...params,
                    offset: '',
                    from: `${f.value}-01-01`,
                    to: `${f.value}-12-31`,
                  }),
                },
                text,
              ),
            )
          const active = params[key] === (f.label || f.value)
          return h(
            'li',
            {},
            active
              ? h('strong', {}, text)
              : h(
                  'a',
                  { href: link('search', undefined, { ...params, offset: '', [key]: f.label || f.value }) },
                  text,
                ),
          )
        }),
      ),
    )
  }
  const active = FILTERS.filter((f) => params[f])
  return h(
    'aside',
    { class: 'facets', 'aria-label': 'Facets' },
    active.length
      ? h(
          'p',
          {},
          'Filters: ',
          active.map((f) => [
            h(
              'a',
              {
                class: 'chip plain',
                href: link('search', undefined, { ...params, [f]: '' }),
                title: 'remove this filter',
              },
              `${f}: ${params[f]} ✕`,
            ),
            ' ',
          ]),
        )
      : null,
    group('speaker', 'Speaker'),
    group('outlet', 'Outlet'),
    group('mode', 'Mode'),
    group('year', 'Year'),
  )
}

/** The hits of a search; `pager` (the page size) adds previous/next links on the search page. */
function hitList(result, params, pager = null) {
  const offset = Number(params.offset || 0)
  const shown = result.hits.length
  // Hits page through the window: the newest matches, ranked among themselves (all of them when fewer).
  const window = Math.min(result.total, result.facetsOver ?? result.total)
  const total = `${plural(result.total, 'match', 'matches')}${result.totalExact === false ? ' or more' : ''}`
  const ranked = window < result.total ? ` (ranked: the newest ${window})` : ''
  const head = h(
    'p',
    { class: 'muted' },
    result.total
      ? `${total}${ranked}${shown < result.total ? `, showing ${offset + 1}–${offset + shown}` : ''}`
      : 'No matches.',
  )
  const items = result.hits.map((hit) =>
    hit.kind === 'document'
      ? h(
          'li',
          { class: 'hit' },
          h('a', { href: link('doc', hit.documentId) }, hit.title || `Document ${hit.documentId}`),
          h(
            'p',
            { class: 'muted' },
            [hit.outlet, hit.published, plural(hit.statements, 'statement')].filter(Boolean).join(' · '),
          ),
        )
      : statementItem(hit),
  )
  return h(
    'div',
    { class: 'hits' },
    head,
    h('ol', { class: 'hit-list' }, items),
    pager && (offset > 0 || offset + shown < window)
      ? h(
          'nav',
          { class: 'pager', 'aria-label': 'Result pages' },
          offset > 0
            ? h(
                'a',
                { href: link('search', undefined, { ...params, offset: Math.max(0, offset - pager) || '' }) },
                '← Previous',
              )
            : null,
          ' ',
          offset + shown < window
            ? h('a', { href: link('search', undefined, { ...params, offset: offset + pager }) }, 'Next →')
            : null,
        )
      : null,
  )
}

function statementItem(s) {
  const who = s.speaker
    ? h('a', { href: link('speaker', s.speaker.name) }, s.speaker.name)
    : h('span', {}, s.source ? `${s.source} (unresolved)` : 'unnamed source')
  return h(
    'li',
    { class: 'hit' },
    h(
      'p',
      { class: 'who' },
      who,
      s.source && s.speaker && s.source !== s.speaker.name
        ? h('span', { class: 'muted' }, ` as “${s.source}”`)
        : null,
      ' ',
      h('span', { class: `mode-tag mode-${s.mode}` }, s.mode),
    ),
    h('blockquote', {}, s.content),
    h(
      'p',
      { class: 'muted' },
      [s.outlet, s.published].filter(Boolean).join(' · '),
      ' · ',
      h(
        'a',
        { href: link('doc', s.documentId, { a: s.attributionId }) },
        s.title || `document ${s.documentId}`,
      ),
      s.nearDuplicateOf ? ` · copy of document ${s.nearDuplicateOf}` : '',
    ),
  )
}

async function speakersPage() {
  setPage('Speakers', h('h1', {}, 'Speakers'), h('p', { class: 'muted' }, 'Loading…'))
  const { speakers } = await getJson('speakers', { limit: 500 })
  const table = h(
    'table',
    { class: 'data' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['speaker', 'statements', 'appearances', 'documents', 'outlets', 'first', 'last'].map((c, i) =>
          h('th', { scope: 'col', class: i >= 1 && i <= 4 ? 'num' : null }, c),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      speakers.map((s) =>
        h(
          'tr',
          {},
          h('td', {}, h('a', { href: link('speaker', s.name) }, s.name)),
          h('td', { class: 'num' }, s.statements),
          h('td', { class: 'num' }, s.appearances),
          h('td', { class: 'num' }, s.documents),
          h('td', { class: 'num' }, s.outlets),
          h('td', {}, s.first || '—'),
          h('td', {}, s.last || '—'),
        ),
      ),
    ),
  )
  setPage(
    'Speakers',
    h('h1', {}, 'Speakers'),
    speakers.length ? table : h('p', {}, 'No speakers yet: ingest articles with `claimtrail ingest`.'),
  )
}

/** A technique's name for people: `name_calling_labeling` → "name calling labeling". */
const techniqueName = (technique) => technique.replace(/_/g, ' ')

/** Technique counts as a table: technique, uses, and distinct quotes (speakers) or documents (outlets). */
function techniqueTable(techniques, third) {
  return h(
    'table',
    { class: 'data techniques' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['technique', 'uses', third].map((c, i) => h('th', { scope: 'col', class: i ? 'num' : null }, c)),
      ),
    ),
    h(
      'tbody',
      {},
      techniques.map((t) =>
        h(
          'tr',
          {},
          h('td', {}, techniqueName(t.technique)),
          h('td', { class: 'num' }, t.uses),
          h('td', { class: 'num' }, third === 'quotes' ? t.quotes : t.documents),
        ),
      ),
    ),
  )
}

/** Persuasion techniques per voice: inside each speaker's statements, or in each outlet's own voice. */
async function techniquesPage(params) {
  const by = params.by === 'outlet' ? 'outlet' : 'speaker'
  setPage('Techniques', h('h1', {}, 'Persuasion techniques'), h('p', { class: 'muted' }, 'Loading…'))
  const { voices } = await getJson('techniques', { by, limit: 50 })
  const toggle = h(
    'p',
    {},
    'By ',
    by === 'speaker'
      ? h('strong', {}, 'speaker')
      : h('a', { href: link('techniques', undefined, { by: 'speaker' }) }, 'speaker'),
    ' · ',
    by === 'outlet'
      ? h('strong', {}, 'outlet')
      : h('a', { href: link('techniques', undefined, { by: 'outlet' }) }, 'outlet'),
  )
  const sections = voices.map((v) =>
    h(
      'section',
      { class: 'voice' },
      h(
        'h2',
        {},
        by === 'speaker' ? h('a', { href: link('speaker', v.name) }, v.name) : v.name,
        ` · ${plural(v.uses, 'use')}`,
      ),
      techniqueTable(v.techniques, by === 'speaker' ? 'quotes' : 'documents'),
    ),
  )
  setPage(
    'Techniques',
    h('h1', {}, 'Persuasion techniques'),
    h(
      'p',
      { class: 'muted' },
      by === 'speaker'
        ? 'Spans inside each speaker’s attributed statements; a quote repeated by many outlets counts once under “quotes”.'
        : 'Spans in each outlet’s own voice, outside every attributed statement.',
    ),
    toggle,
    voices.length
      ? sections
      : h('p', {}, 'No techniques found yet: ingest articles with `claimtrail ingest`.'),
  )
}

/**
 * Check-worthy claims across the corpus, most check-worthy first, with filters; each claim links to
 * the reader at its offsets. The score ranks what looks checkable; it says nothing of truth.
 */
async function claimsPage(params) {
  const field = (name, label, attrs) => filterField(params, name, label, attrs)
  const form = queryForm(
    'claims',
    'Claims about',
    params,
    field('speaker', 'Speaker'),
    field('outlet', 'Outlet'),
    field('from', 'From', { type: 'date' }),
    field('to', 'To', { type: 'date' }),
    field('min', 'Min. score', { type: 'number', min: 0, max: 1, step: 0.05, placeholder: '0–1' }),
    h('button', { type: 'submit' }, 'Find claims'),
  )
  const results = h(
    'div',
    { class: 'results', 'aria-live': 'polite' },
    h('p', { class: 'muted' }, 'Loading…'),
  )
  const intro = h(
    'p',
    { class: 'muted' },
    'Statements a fact-checker may want to check, most check-worthy first. The score says how checkable a statement looks, not whether it is true.',
  )
  setPage('Claims', h('h1', {}, 'Check-worthy claims'), intro, form, results)
  const offset = Number(params.offset || 0)
  const { claims } = await getJson('claims', { ...params, limit: PAGE_SIZE })
  const page = (to) => link('claims', undefined, { ...params, offset: to || '' })
  const rows = claims.map((c) =>
    h(
      'tr',
      {},
      h('td', { class: 'score' }, c.checkworthiness.toFixed(2)),
      h('td', {}, c.published || '—'),
      h('td', {}, c.outlet || '—'),
      h(
        'td',
        {},
        c.speaker
          ? h('a', { href: link('speaker', c.speaker.name) }, c.speaker.name)
          : c.attributionId
            ? `${c.source || 'unnamed source'} (unresolved)`
            : 'outlet voice',
      ),
      h(
        'td',
        { class: 'quote' },
        // The attribution (its content marked exactly) when there is one; the claim's offsets always.
        h(
          'a',
          { href: link('doc', c.documentId, { a: c.attributionId, at: `${c.start}-${c.end}` }) },
          c.text,
        ),
        c.nearDuplicateOf ? h('span', { class: 'muted' }, ` · copy of document ${c.nearDuplicateOf}`) : null,
      ),
    ),
  )
  results.replaceChildren(
    claims.length
      ? h(
          'table',
          { class: 'data claims' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['score', 'date', 'outlet', 'whose', 'claim'].map((c, i) =>
                h('th', { scope: 'col', class: i ? null : 'num' }, c),
              ),
            ),
          ),
          h('tbody', {}, rows),
        )
      : h(
          'p',
          {},
          offset
            ? 'No more claims.'
            : 'No claims found: ingest articles with `claimtrail ingest`, or widen the filters.',
        ),
    offset > 0 || claims.length === PAGE_SIZE
      ? h(
          'nav',
          { class: 'pager', 'aria-label': 'Result pages' },
          offset > 0 ? h('a', { href: page(Math.max(0, offset - PAGE_SIZE)) }, '← Previous') : null,
          ' ',
          claims.length === PAGE_SIZE ? h('a', { href: page(offset + PAGE_SIZE) }, 'Next →') : null,
        )
      : null,
  )
}

async function speakerPage(name, params) {
  setPage(name, h('h1', {}, name), h('p', { class: 'muted' }, 'Loading…'))
  const profile = await getJson(`speakers/${encodeURIComponent(name)}`, params)
  const list = h('ol', { class: 'hit-list' })
  const byDate = new Map()
  for (const s of profile.items) {
    const key = s.published || 'undated'
    if (!byDate.has(key)) byDate.set(key, [])
    byDate.get(key).push(s)
  }
  for (const [date, items] of byDate) {
    list.append(
      h(
        'li',
        { class: 'date-group' },
        h('h3', {}, date),
        h('ol', { class: 'hit-list' }, items.map(statementItem)),
      ),
    )
  }
  const legend = h(
    'p',
    { class: 'tl-legend' },
    Object.entries(MODE_COLOURS).map(([mode, colour]) => [
      h('span', { class: 'dot', vars: { '--ink': colour } }),
      ` ${mode} `,
    ]),
  )
  const chart = timeline(profile.items, {
    onSelect: (s) => (location.hash = link('doc', s.documentId, { a: s.attributionId })),
  })
  setPage(
    profile.name,
    h('h1', {}, profile.name),
    h(
      'p',
      { class: 'muted' },
      `${plural(profile.statements, 'distinct statement')}, ${plural(profile.appearances, 'appearance')}`,
    ),
    profile.variants.length
      ? h('p', {}, 'Named as: ', profile.variants.map((v) => `${v.value} (${v.count})`).join(', '))
      : null,
    chart ? h('figure', { class: 'chart' }, chart, h('figcaption', {}, legend)) : null,
    profile.techniques && profile.techniques.length
      ? h(
          'section',
          { class: 'voice' },
          h('h2', {}, 'Persuasion techniques in these statements'),
          techniqueTable(profile.techniques, 'quotes'),
        )
      : null,
    h(
      'p',
      {},
      h(
        'a',
        { href: link('search', undefined, { speaker: profile.name }) },
        'Search within these statements',
      ),
    ),
    list,
  )
}

async function entityPage(name, params) {
  setPage(name, h('h1', {}, name), h('p', { class: 'muted' }, 'Loading…'))
  const page = await getJson(`entities/${encodeURIComponent(name)}`, params)
  setPage(
    name,
    h('h1', {}, name),
    h(
      'p',
      {},
      h('a', { href: link('speaker', name) }, 'As a speaker'),
      ' · ',
      h('a', { href: link('search', undefined, { entity: name }) }, 'Search mentions'),
    ),
    h('h2', {}, `Documents (${page.documents.total})`),
    hitList(page.documents, params),
    h('h2', {}, `Statements that mention ${name} (${page.statements.total})`),
    hitList(page.statements, params),
  )
}

async function route() {
  showError(null)
  health()
  const { page, arg, params } = parseHash()
  for (const a of document.querySelectorAll('[data-nav]')) {
    const current = a.dataset.nav === page || (page === 'speaker' && a.dataset.nav === 'speakers')
    if (current) a.setAttribute('aria-current', 'page')
    else a.removeAttribute('aria-current')
  }
  try {
    if (page === 'reader') readerPage()
    else if (page === 'doc' && arg) await documentPage(arg, params)
    else if (page === 'search') await searchPage(params)
    else if (page === 'speakers') await speakersPage()
    else if (page === 'speaker' && arg) await speakerPage(arg, params)
    else if (page === 'techniques') await techniquesPage(params)
    else if (page === 'claims') await claimsPage(params)
    else if (page === 'entity' && arg) await entityPage(arg, params)
    else
      setPage(
        'Not found',
        h('h1', {}, 'Page not found'),
        h('p', {}, h('a', { href: '#/' }, 'Back to the reader')),
      )
  } catch (error) {
    showError(error)
  }
}

async function health() {
  try {
    const status = await getJson('health')
    const el = document.getElementById('health')
    const counts = status.store?.counts
    el.textContent = counts
      ? `${plural(counts.documents, 'document')} · ${plural(counts.speakers, 'speaker')} · ${plural(counts.claims, 'claim')}`
      : 'no corpus database'
  } catch {
    // The header count is a nicety; the page works without it.
  }
}

window.addEventListener('hashchange', route)
route()
