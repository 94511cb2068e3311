import { describe, expect, it } from 'vitest'
import { renderList, type Column } from './export.js'

interface Row {
  speaker: string
  content: string
  n: number
}
const rows: Row[] = [
  { speaker: 'Hossein Salami', content: 'the Zionist regime "is collapsing", he said', n: 3 },
  { speaker: 'Khamenei, Ali', content: 'We will not bow to threats,\nand the nation will stand firm', n: 12 },
]
const columns: Column<Row>[] = [
  { header: 'speaker', value: (r) => r.speaker },
  { header: 'content', value: (r) => r.content, width: 20 },
  { header: 'n', value: (r) => r.n, align: 'right' },
]

describe('list export', () => {
  it('writes RFC 4180 CSV: quotes, commas and line breaks quoted, never clipped', () => {
    expect(renderList(rows, columns, 'csv')).toBe(
      'speaker,content,n\r\nHossein Salami,"the Zionist regime ""is collapsing"", he said",3\r\n' +
        '"Khamenei, Ali","We will not bow to threats,\nand the nation will stand firm",12\r\n',
    )
  })

  it('writes one JSON object per line', () => {
    const lines = renderList(rows, columns, 'jsonl').trim().split('\n')
    expect(lines.map((l) => JSON.parse(l) as Row)).toEqual(rows)
  })

  it('aligns a table, clipping long values on one line', () => {
    expect(renderList(rows, columns, 'table')).toBe(
      'speaker         content                n\n' +
        'Hossein Salami  the Zionist regime …   3\n' +
        'Khamenei, Ali   We will not bow to …  12\n',
    )
  })
})
