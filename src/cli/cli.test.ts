/**
 * The CLI as a user runs it: the built binary (bin/claimtrail -> dist/) on real files, checking exit codes,
 * the JSON it prints and its error messages.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AnalysisSchema } from '../model/analysis.js'
import { commandsFor } from './main.js'

const root = path.resolve(import.meta.dirname, '..', '..')
const bin = path.join(root, 'bin', 'claimtrail')
const example = path.join(root, 'test', 'corpus', 'irgc-salami-interview', 'source.txt')

function cli(args: string[], input?: string): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    timeout: 120_000,
  })
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr }
}

// Every test's files go in folders under one, removed when the file's tests end.
const scratch = mkdtempSync(path.join(tmpdir(), 'claimtrail-cli-'))
const tempDir = (): string => mkdtempSync(path.join(scratch, 'test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

beforeAll(() => {
  // `npm test` builds first; a lone `vitest run` on this file builds here.
  if (!existsSync(path.join(root, 'dist', 'cli', 'main.js')))
    execFileSync('npm', ['run', 'build'], { cwd: root })
}, 180_000)

describe('claimtrail analyze', () => {
  it('prints a valid claimtrail/analysis@1 document for a text file', () => {
    const { code, stdout } = cli(['analyze', example, '--published', '2022-09-01'])
    expect(code).toBe(0)
    const analysis = AnalysisSchema.parse(JSON.parse(stdout))
    expect(analysis.document.text).toBe(readFileSync(example, 'utf8').replace(/\r\n/g, '\n'))
    expect(analysis.document.published).toBe('2022-09-01')
    expect(Object.keys(analysis.provenance.stages)).toEqual(
      expect.arrayContaining(['tokens', 'entities', 'coref', 'attribution', 'time']),
    )
    expect(analysis.attributions.length).toBeGreaterThan(10)
  })

  it('groups who said what by speaker in --format text', () => {
    const { code, stdout } = cli(['analyze', example, '--published', '2022-09-01', '--format', 'text'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Hossein Salami\b.*: \d+ statements$/m)
    expect(stdout).toContain("Outlet's own voice")
    // check-worthy claims, most check-worthy first, each with its voice
    const claims = stdout.slice(stdout.indexOf('Check-worthy claims'))
    const scores = [...claims.matchAll(/^ {2}c\d+ (\d\.\d\d) {2}(.+?): "/gm)]
    expect(scores.length).toBeGreaterThan(2)
    expect(scores.map((m) => Number(m[1]))).toEqual(scores.map((m) => Number(m[1])).sort((a, b) => b - a))
    expect(scores.some((m) => m[2]?.startsWith('Hossein Salami'))).toBe(true)
  })

  it('reads standard input with -', () => {
    const { code, stdout } = cli(['analyze', '-'], 'The minister said that the talks had failed.')
    expect(code).toBe(0)
    const analysis = AnalysisSchema.parse(JSON.parse(stdout))
    expect(analysis.attributions).toHaveLength(1)
    expect(analysis.attributions[0]?.mode).toBe('indirect')
  })

  it('reads HTML, taking the main text and the metadata', () => {
    const dir = tempDir()
    const file = path.join(dir, 'page.html')
    writeFileSync(
      file,
      `<!doctype html><html lang="en"><head><title>Talks fail | Example News</title>
      <meta property="og:site_name" content="Example News"><meta property="article:published_time" content="2023-03-14T09:00:00Z">
      </head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Talks fail</h1>
      <p>The foreign minister said on Tuesday that the talks had failed after three days of meetings in Geneva.</p>
      <p>“We will not return to the table,” he told reporters, adding that the other side had walked out first.</p>
      <p>Officials from both delegations declined to comment on the next steps when asked by journalists.</p>
      </article><footer>© Example News</footer></body></html>`,
    )
    const { code, stdout } = cli(['analyze', file])
    expect(code).toBe(0)
    const analysis = AnalysisSchema.parse(JSON.parse(stdout))
    expect(analysis.document.published).toBe('2023-03-14')
    expect(analysis.document.outlet).toBe('Example News')
    expect(analysis.document.text).not.toContain('Home')
    expect(analysis.document.text).toContain('the talks had failed')
    expect(analysis.attributions.some((a) => a.mode === 'direct')).toBe(true)
  })
})

describe('claimtrail analyze --jsonl', () => {
  it('writes one analysis per line with the input id, and a diagnostic for a bad line without stopping', () => {
    const dir = tempDir()
    const input = path.join(dir, 'in.jsonl')
    const output = path.join(dir, 'out.jsonl')
    writeFileSync(
      input,
      [
        JSON.stringify({
          id: 'a',
          text: 'The senator said that the bill would pass.',
          published: '2021-05-02',
        }),
        '{not json',
        JSON.stringify({ id: 'c', html: '<p>Police said the road was closed on Monday.</p>' }),
      ].join('\n'),
    )
    const { code } = cli(['analyze', '--jsonl', input, '--out', output])
    expect(code).toBe(0)
    const lines = readFileSync(output, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines.map((l) => l.id)).toEqual(['a', null, 'c'])
    expect(lines[0].document.published).toBe('2021-05-02')
    expect(lines[1].diagnostics[0].message).toMatch(/line 2/)
    expect(lines[1].diagnostics[0].severity).toBe('error')
    expect(lines[2].document.text).toContain('Police said')
  })
})

describe('claimtrail exit codes', () => {
  it.each([
    [['analyze', 'no/such/file.txt'], 1, /no\/such\/file\.txt/],
    [['analyze', example, '--published', '1 Sept 2022'], 2, /--published must be a date/],
    [['analyze', example, '--format', 'xml'], 2, /--format must be json or text/],
    [['analyze'], 2, /missing input/],
    [['frobnicate'], 2, /unknown command/],
    [['eval', 'nonsense'], 2, /unknown eval task/],
    [['analyze', example, '--preset', 'fastest'], 2, /--preset must be one of full, .*got "fastest"/],
    [['ingest', example, '--db', ':memory:', '--preset', 'fastest'], 2, /--preset must be one of/],
    [['worker', '--db', 'postgres://127.0.0.1/none', '--preset', 'x'], 2, /--preset must be one of/],
  ])('%j exits %i with a clear message', (args, expected, message) => {
    const { code, stderr } = cli(args as string[])
    expect(code).toBe(expected)
    expect(stderr).toMatch(message as RegExp)
  })

  it('rejects empty and binary input as bad input (exit 1)', () => {
    const dir = tempDir()
    const empty = path.join(dir, 'empty.txt')
    const binary = path.join(dir, 'blob.bin')
    writeFileSync(empty, '')
    writeFileSync(binary, Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 0, 7, 8, 0]))
    expect(cli(['analyze', empty]).code).toBe(1)
    const result = cli(['analyze', binary])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/binary/i)
  })

  it('prints help for every command with exit 0', () => {
    for (const command of [[], ['analyze'], ['eval'], ['train']]) {
      const { code, stdout } = cli([...command, '--help'])
      expect(code).toBe(0)
      expect(stdout).toMatch(/Usage: claimtrail/)
    }
  })
})

describe('commandsFor', () => {
  it('loads only the command named, and every command for help or an unknown name', () => {
    const all = commandsFor(['node', 'claimtrail'])
    expect(all).toEqual(expect.arrayContaining(['analyze', 'ingest', 'search', 'serve', 'claims']))
    expect(commandsFor(['node', 'claimtrail', 'search', 'Iran', '--db', 'x.db'])).toEqual(['search'])
    expect(commandsFor(['node', 'claimtrail', '--help', 'speakers'])).toEqual(['speakers'])
    expect(commandsFor(['node', 'claimtrail', '--help'])).toEqual(all)
    expect(commandsFor(['node', 'claimtrail', 'serch', 'x'])).toEqual(all)
    expect(commandsFor(['node', 'claimtrail', 'toString'])).toEqual(all)
  })
})
