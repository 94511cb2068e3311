import { describe, expect, it } from 'vitest'
import { limitTagDepth } from './depth-guard.js'

describe('limitTagDepth', () => {
  it('leaves ordinary pages untouched (same string)', () => {
    const html = '<html><body><div><p>One<p>Two<ul><li>a<li>b</ul></div></body></html>'
    const result = limitTagDepth(html, 5)
    expect(result.html).toBe(html)
    expect(result.dropped).toBe(0)
  })

  it('drops the start and end tags beyond the limit and keeps the text in order', () => {
    const html = `${'<div>'.repeat(6)}deep${'</div>'.repeat(6)} after`
    const result = limitTagDepth(html, 4)
    expect(result.html).toBe(`${'<div>'.repeat(4)}deep${'</div>'.repeat(4)} after`)
    expect(result.dropped).toBe(4)
  })

  it('counts unclosed <p> and <li> as siblings, as the parser does', () => {
    expect(limitTagDepth('<p>a'.repeat(1000), 3).dropped).toBe(0)
    expect(limitTagDepth(`<ul>${'<li>x'.repeat(1000)}</ul>`, 3).dropped).toBe(0)
  })

  it('ignores tags inside comments, scripts and attribute values', () => {
    const html = `<!-- ${'<div>'.repeat(50)} --><script>var s = "${'<div>'.repeat(50)}"</SCRIPT><a title="<div><div><div>">x</a>`
    expect(limitTagDepth(html, 3).dropped).toBe(0)
  })

  it('caps 100 000 nested tags at the limit', () => {
    const html = `${'<div><span>'.repeat(50_000)}x`
    const result = limitTagDepth(html, 160)
    expect(result.dropped).toBe(100_000 - 160)
    expect(result.maxDepth).toBe(160)
  })
})
