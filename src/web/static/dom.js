// Tiny DOM helpers: every text goes through textContent, never innerHTML, so document text cannot inject markup.

/** h('a', {href:'#/x', class:'y'}, 'text', child…) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag)
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue
    if (key === 'class') el.className = value
    else if (key === 'dataset') Object.assign(el.dataset, value)
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value)
    else if (key === 'vars') for (const [name, v] of Object.entries(value)) el.style.setProperty(name, v)
    else el.setAttribute(key, value === true ? '' : String(value))
  }
  append(el, children)
  return el
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue
    el.append(child instanceof Node ? child : document.createTextNode(String(child)))
  }
  return el
}

/** The hash link of a page: link('speaker', 'Hossein Salami') -> '#/speaker/Hossein%20Salami' */
export function link(page, arg, params) {
  const base = arg === undefined ? `#/${page}` : `#/${page}/${encodeURIComponent(arg)}`
  const qs = params ? new URLSearchParams(clean(params)).toString() : ''
  return qs ? `${base}?${qs}` : base
}

function clean(params) {
  return Object.fromEntries(
    Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  )
}

export function plural(n, word, many = `${word}s`) {
  return `${n} ${n === 1 ? word : many}`
}
