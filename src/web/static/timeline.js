// A speaker's statements over time as an SVG drawn by hand: one row per outlet, one dot per statement
// (colour by mode), the x axis in days between the first and last date. Undated statements are counted apart.

const NS = 'http://www.w3.org/2000/svg'
const MODE_COLOURS = { direct: '#0060a0', indirect: '#b34d00', mixed: '#007a5a' }

function svg(tag, attrs = {}, text) {
  const el = document.createElementNS(NS, tag)
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v))
  if (text !== undefined) el.textContent = text
  return el
}

const DAY = 86_400_000
const toDay = (iso) => Date.parse(`${iso}T00:00:00Z`) / DAY

/**
 * items: [{published, outlet, mode, content}] -> <svg> or null. onSelect receives {outlet, published, items}.
 */
export function timeline(items, { onSelect } = {}) {
  const dated = items.filter((s) => s.published)
  if (!dated.length) return null
  const outlets = [...new Set(dated.map((s) => s.outlet || 'unknown outlet'))]
  const days = dated.map((s) => toDay(s.published))
  let lo = Math.min(...days)
  let hi = Math.max(...days)
  if (hi - lo < 2) {
    lo -= 1
    hi += 1
  }
  const left = 170
  const width = 760
  const rowH = 28
  const top = 16
  const height = top + outlets.length * rowH + 34
  const x = (d) => left + 14 + ((d - lo) / (hi - lo)) * (width - left - 80)
  const root = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    class: 'timeline',
    'aria-label': `Timeline: ${dated.length} dated statements in ${outlets.length} outlet(s), from ${new Date(lo * DAY).toISOString().slice(0, 10)} to ${new Date(hi * DAY).toISOString().slice(0, 10)}`,
  })
  outlets.forEach((name, i) => {
    const y = top + i * rowH + rowH / 2
    root.append(svg('line', { x1: left, x2: width - 10, y1: y, y2: y, stroke: '#d0d4da' }))
    root.append(
      svg(
        'text',
        { x: left - 8, y: y + 4, 'text-anchor': 'end', class: 'tl-label' },
        name.length > 24 ? `${name.slice(0, 23)}…` : name,
      ),
    )
  })
  const axisY = top + outlets.length * rowH + 6
  root.append(svg('line', { x1: left, x2: width - 10, y1: axisY, y2: axisY, stroke: '#6b7280' }))
  const ticks = Math.min(6, Math.max(2, Math.round(hi - lo)))
  for (let t = 0; t <= ticks; t++) {
    const d = lo + ((hi - lo) * t) / ticks
    const tx = x(d)
    root.append(svg('line', { x1: tx, x2: tx, y1: axisY, y2: axisY + 4, stroke: '#6b7280' }))
    root.append(
      svg(
        'text',
        { x: tx, y: axisY + 18, 'text-anchor': 'middle', class: 'tl-tick' },
        new Date(Math.round(d) * DAY).toISOString().slice(0, 10),
      ),
    )
  }
  // One bubble per outlet and day, its area growing with the number of statements, so a busy day stays
  // one readable mark instead of a pile of overlapping dots; its colour is the day's most common mode.
  const groups = new Map()
  for (const s of dated) {
    const outlet = s.outlet || 'unknown outlet'
    const key = `${outlet}\u0000${s.published}`
    if (!groups.has(key)) groups.set(key, { outlet, published: s.published, items: [] })
    groups.get(key).items.push(s)
  }
  for (const g of groups.values()) {
    const n = g.items.length
    const modes = new Map()
    for (const s of g.items) modes.set(s.mode, (modes.get(s.mode) || 0) + 1)
    const mode = [...modes.entries()].sort((a, b) => b[1] - a[1])[0][0]
    const cx = x(toDay(g.published))
    const cy = top + outlets.indexOf(g.outlet) * rowH + rowH / 2
    const r = Math.min(12, 5 + 2 * Math.sqrt(n - 1))
    const mark = svg('g', {
      tabindex: 0,
      class: 'tl-dot',
      role: 'button',
      'aria-label': `${g.published}, ${g.outlet}: ${n} statement(s)`,
    })
    mark.append(
      svg('circle', { cx, cy, r, fill: MODE_COLOURS[mode] || '#555', stroke: '#fff', 'stroke-width': 1.5 }),
    )
    if (n > 1)
      mark.append(svg('text', { x: cx, y: cy + 4, 'text-anchor': 'middle', class: 'tl-count' }, String(n)))
    const lines = g.items.slice(0, 5).map((s) => `• ${s.content.slice(0, 120)}`)
    if (n > 5) lines.push(`… and ${n - 5} more`)
    mark.append(svg('title', {}, `${g.published} · ${g.outlet} · ${n} statement(s)\n${lines.join('\n')}`))
    if (onSelect) {
      mark.addEventListener('click', () => onSelect(g))
      mark.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') {
          ev.preventDefault()
          onSelect(g)
        }
      })
    }
    root.append(mark)
  }
  return root
}

export { MODE_COLOURS }
