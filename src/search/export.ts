/**
 * Lists for people and for other tools: every list the corpus commands print (search hits, speakers, a
 * speaker's statements) goes through here, as an aligned table, CSV (RFC 4180) or JSON Lines.
 */

export type ListFormat = 'table' | 'csv' | 'jsonl'

export interface Column<T> {
  header: string
  value: (row: T) => string | number | null
  /** Table only: cut longer values to this width (CSV and JSONL are never cut). */
  width?: number
  align?: 'left' | 'right'
}

const NEEDS_QUOTES = /[",\r\n]/
const SPACE_RUN = /\s+/g

/** One CSV field, quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number | null): string {
  if (value === null) return ''
  const text = String(value)
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * Renders rows as CSV with a header line.
 *
 * @example toCsv([{ a: 1 }], [{ header: 'a', value: (r) => r.a }]) // 'a\r\n1\r\n'
 */
export function toCsv<T>(rows: T[], columns: Column<T>[]): string {
  const lines = [columns.map((c) => csvField(c.header)).join(',')]
  for (const row of rows) lines.push(columns.map((c) => csvField(c.value(row))).join(','))
  return `${lines.join('\r\n')}\r\n`
}

/** One JSON object per line. */
export function toJsonl<T>(rows: T[]): string {
  return rows.map((r) => `${JSON.stringify(r)}\n`).join('')
}

function clip(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text
}

/**
 * Renders rows as an aligned text table (values flattened to one line and clipped to their width).
 *
 * @example process.stdout.write(toTable(rows, columns))
 */
export function toTable<T>(rows: T[], columns: Column<T>[]): string {
  const cells = rows.map((row) =>
    columns.map((c) => {
      const value = c.value(row)
      const text = value === null ? '' : String(value).replace(SPACE_RUN, ' ').trim()
      return c.width ? clip(text, c.width) : text
    }),
  )
  const widths = columns.map((c, i) =>
    Math.max(c.header.length, ...cells.map((r) => (r[i] as string).length)),
  )
  const line = (values: string[]): string =>
    values
      .map((v, i) =>
        columns[i]?.align === 'right' ? v.padStart(widths[i] as number) : v.padEnd(widths[i] as number),
      )
      .join('  ')
      .trimEnd()
  return `${[line(columns.map((c) => c.header)), ...cells.map(line)].join('\n')}\n`
}

/** Renders rows in the chosen list format. */
export function renderList<T>(rows: T[], columns: Column<T>[], format: ListFormat): string {
  if (format === 'csv') return toCsv(rows, columns)
  if (format === 'jsonl') return toJsonl(rows)
  return toTable(rows, columns)
}
