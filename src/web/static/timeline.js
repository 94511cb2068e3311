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

/** items: [{published, outlet, mode, content, documentId, attributionId}] -> <svg> or null */
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
  const x = (d) => left + ((d - lo) / (hi - lo)) * (width - left - 20)
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
  // Several statements on one day and outlet are spread a little so each dot stays clickable.
  const stack = new Map()
  for (const s of dated) {
    const row = outlets.indexOf(s.outlet || 'unknown outlet')
    const key = `${row}:${s.published}`
    const n = stack.get(key) || 0
    stack.set(key, n + 1)
    const cx = x(toDay(s.published)) + ((n % 7) - 3) * 5
    const cy = top + row * rowH + rowH / 2 + (n >= 7 ? 6 : 0)
    const dot = svg('circle', {
      cx,
      cy,
      r: 5,
      fill: MODE_COLOURS[s.mode] || '#555',
      stroke: '#fff',
      'stroke-width': 1,
      tabindex: 0,
      class: 'tl-dot',
    })
    dot.append(
      svg(
        'title',
        {},
        `${s.published} · ${s.outlet || 'unknown outlet'} · ${s.mode}\n${s.content.slice(0, 200)}`,
      ),
    )
    if (onSelect) {
      dot.addEventListener('click', () => onSelect(s))
      dot.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') onSelect(s)
      })
    }
    root.append(dot)
  }
  return root
}

export { MODE_COLOURS }
