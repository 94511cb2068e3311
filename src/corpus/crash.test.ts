/**
 * Crash safety of a real ingest: run the CLI in a child process, kill -9 it in the middle of the batch,
 * check that the file holds only whole documents, then run the same ingest again and check that it
 * finishes the rest and stores nothing twice.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { TASKS_QUEUED_PER_WORKER } from './pool.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const dir = mkdtempSync(path.join(tmpdir(), 'claimtrail-crash-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// More than a worker holds at once (TASKS_QUEUED_PER_WORKER), and several write batches, so the kill
// can land between writes with documents still to come.
const DOCUMENTS = 2 * TASKS_QUEUED_PER_WORKER + 10
const example = readFileSync(path.join(root, 'test', 'corpus', 'irgc-salami-interview', 'source.txt'), 'utf8')
const paragraphs = example.split('\n\n').filter((p) => p.trim())

/** Distinct articles from real paragraphs: a numbered dateline and a rotation of the interview. */
function writeBatch(file: string): void {
  const lines: string[] = []
  for (let i = 0; i < DOCUMENTS; i++) {
    const start = i % paragraphs.length
    const body = [...paragraphs.slice(start), ...paragraphs.slice(0, start)].slice(0, 6)
    const day = String((i % 28) + 1).padStart(2, '0')
    lines.push(
      JSON.stringify({
        id: `wire-${i}`,
        text: [`TEHRAN, Sept. ${day} (Wire ${i}) – An interview with the IRGC chief.`, ...body].join('\n\n'),
        published: `2022-09-${day}`,
        outlet: `Outlet ${i % 5}`,
      }),
    )
  }
  writeFileSync(file, `${lines.join('\n')}\n`)
}

function startIngest(jsonl: string, db: string): ReturnType<typeof spawn> {
  const entry = path.join(dir, 'cli.mjs')
  writeFileSync(
    entry,
    `const { runCli } = await import(${JSON.stringify(pathToFileURL(path.join(root, 'src', 'cli', 'main.ts')).href)})\n` +
      `process.exitCode = await runCli(['node', 'claimtrail', ...process.argv.slice(2)])\n`,
  )
  return spawn(process.execPath, ['--import', 'tsx', entry, 'ingest', jsonl, '--db', db, '--threads', '1'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

function count(db: string): number {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true })
    try {
      return (conn.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n
    } finally {
      conn.close()
    }
  } catch {
    return 0
  }
}

/** Every stored document is whole: its statements, FTS rows and band keys are all there. */
function checkWhole(db: string): { documents: number } {
  const conn = new Database(db, { readonly: true })
  try {
    expect(conn.pragma('integrity_check', { simple: true })).toBe('ok')
    const docs = conn.prepare('SELECT id, statements, analysis FROM documents').all() as {
      id: number
      statements: number
      analysis: string
    }[]
    const statementsOf = conn.prepare('SELECT count(*) AS n FROM statements WHERE doc_id = ?')
    const bandsOf = conn.prepare('SELECT count(*) AS n FROM document_bands WHERE doc_id = ?')
    for (const doc of docs) {
      const attributions = (JSON.parse(doc.analysis) as { attributions: unknown[] }).attributions.length
      expect((statementsOf.get(doc.id) as { n: number }).n).toBe(attributions)
      expect(doc.statements).toBe(attributions)
      expect((bandsOf.get(doc.id) as { n: number }).n).toBeGreaterThan(0)
    }
    const statements = conn.prepare('SELECT count(*) AS n FROM statements').get() as { n: number }
    // Without statements the check above proves little: the pipeline must find the interview's quotes.
    if (docs.length) expect(statements.n, 'the pipeline found no attributions').toBeGreaterThan(0)
    const fts = conn.prepare('SELECT count(*) AS n FROM documents_fts').get() as { n: number }
    expect(fts.n).toBe(docs.length)
    return { documents: docs.length }
  } finally {
    conn.close()
  }
}

describe('ingest crash safety', () => {
  it('survives kill -9 mid-batch: only whole documents, and a re-run finishes the rest', async () => {
    const jsonl = path.join(dir, 'batch.jsonl')
    const db = path.join(dir, 'crash.db')
    writeBatch(jsonl)

    const first = startIngest(jsonl, db)
    let stderr = ''
    first.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = new Promise<void>((resolve) => first.on('exit', () => resolve()))
    const deadline = Date.now() + 90_000
    while (count(db) < 5 && Date.now() < deadline && first.exitCode === null) await sleep(20)
    expect(first.exitCode, `the ingest ended before it could be killed: ${stderr}`).toBeNull()
    first.kill('SIGKILL')
    await exited
    expect(first.signalCode).toBe('SIGKILL')

    const { documents: before } = checkWhole(db)
    expect(before).toBeGreaterThan(0)
    expect(before).toBeLessThan(DOCUMENTS)

    const second = startIngest(jsonl, db)
    let summary = ''
    second.stderr?.on('data', (chunk: Buffer) => (summary += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => second.on('exit', (c) => resolve(c)))
    expect(code, summary).toBe(0)
    expect(summary).toMatch(
      new RegExp(`${DOCUMENTS - before} stored .*${before} duplicates? skipped, 0 failed`),
    )
    expect(checkWhole(db).documents).toBe(DOCUMENTS)
  })
})
