import { describe, expect, it } from 'vitest'
import type { Draft } from './candidate.js'
import { toLayer } from './to-layer.js'

const draft = (start: number, end: number, parent: number | null = null): Draft => ({
  rule: 'said-that',
  cue: { start: start - 5, end: start - 1 },
  content: { start, end },
  source: null,
  priority: 8,
  parent,
  speaker: null,
  mode: 'indirect',
  inheritsFrom: null,
})

describe('toLayer', () => {
  it('puts drafts whose content grew after the sort back in layer order, parents mapped by id', () => {
    // BBC 2005 (Fiat engines): a quotation merged into the attribution before it made its content end
    // after a second attribution with the same start; the layer must stay (start asc, end desc)
    const layer = toLayer([draft(10, 50), draft(10, 90), draft(20, 40, 1)])
    expect(layer.map((a) => [a.id, a.content.start, a.content.end, a.parent])).toEqual([
      ['a1', 10, 90, null],
      ['a2', 10, 50, null],
      ['a3', 20, 40, 'a1'],
    ])
  })
})
