import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { runCli } from '../cli/main.js'
import { IRGC_PRESS_TV, IRGC_WIRE_COPY, KHAMENEHI_SPEECH } from '../store/contract-fixtures.js'
import { PostgresStore } from '../store/postgres/postgres-store.js'
import {
  dropSchemas,
  freshSchemaName,
  postgresUnavailable,
  TEST_PG_URL,
} from '../store/postgres/test-database.js'
import { INGEST_QUEUE, openQueue, PARKED_QUEUE } from '../store/queue/ingest-queue.js'
import { runWorker } from './queue-worker.js'
import { fixtureAnalyzer } from './test-analyzer.js'

const unavailable = await postgresUnavailable()
if (unavailable) console.warn(`skipping queue tests: ${unavailable}`)
const schema = freshSchemaName('queue')
const cliSchema = freshSchemaName('cliqueue')
const dir = mkdtempSync(path.join(tmpdir(), 'claimtrail-queue-'))
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true })
  await dropSchemas([schema, `${schema}_queue`, cliSchema, `${cliSchema}_queue`])
})

describe.skipIf(unavailable !== null)('queued ingest (pg-boss)', () => {
  it('workers store every good job once, retry failures with backoff, and park poison jobs with their error', async () => {
    const url = `${TEST_PG_URL}?schema=${schema}`
    const store = await PostgresStore.open(url)
    // One quick retry keeps the test short; the CLI default is 3 retries from 10 s.
    const queue = await openQueue(url, { retryLimit: 1, retryDelay: 1 })
    const doc = (f: typeof IRGC_PRESS_TV) => ({
      source: `${f.id}.txt`,
      input: { text: f.text, meta: { outlet: f.outlet } },
    })
    await queue.enqueue([doc(IRGC_PRESS_TV), doc(IRGC_WIRE_COPY), doc(KHAMENEHI_SPEECH), doc(IRGC_PRESS_TV)])
    await queue.boss.insert([{ name: INGEST_QUEUE, data: { source: 'poison.txt', input: { text: '' } } }])
    expect(await queue.waiting()).toBe(5)

    const analyzer = fixtureAnalyzer([IRGC_PRESS_TV, IRGC_WIRE_COPY, KHAMENEHI_SPEECH])
    const failures: string[] = []
    // Two workers share the queue, as two machines would.
    const [a, b] = await Promise.all(
      [1, 2].map(() =>
        runWorker(queue, store, {
          analyzer,
          batchSize: 2,
          pollSeconds: 0.2,
          untilEmpty: true,
          onJob: (e) => e.status === 'failed' && failures.push(e.reason ?? ''),
        }),
      ),
    )
    expect((a?.stored ?? 0) + (b?.stored ?? 0)).toBe(3)
    expect((a?.duplicates ?? 0) + (b?.duplicates ?? 0)).toBe(1)
    // The poison job failed once, was retried once after its backoff, then parked.
    expect(failures).toHaveLength(2)
    expect(failures[0]).toMatch(/malformed job/)
    expect(await queue.waiting()).toBe(0)
    expect(await queue.parked()).toBe(1)
    const [parked] = await queue.boss.fetch<{ source: string }>(PARKED_QUEUE)
    expect(parked?.data.source).toBe('poison.txt')

    expect(await store.counts()).toMatchObject({ documents: 3, statements: 8, nearDuplicates: 1 })
    expect((await store.speaker('Salami'))?.appearances).toBe(5)
    await queue.close()
    await store.close()
  })

  it('claimtrail ingest --queue enqueues every readable document and reports the rest', async () => {
    const url = `${TEST_PG_URL}?schema=${cliSchema}`
    const batch = path.join(dir, 'batch.jsonl')
    writeFileSync(
      batch,
      [
        JSON.stringify({ id: 'a', text: IRGC_PRESS_TV.text }),
        'not json',
        JSON.stringify({ id: 'b', text: KHAMENEHI_SPEECH.text }),
      ].join('\n'),
    )
    let err = ''
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      err += String(chunk)
      return true
    })
    const code = await runCli(['node', 'claimtrail', 'ingest', batch, '--queue', '--db', url]).finally(() =>
      stderr.mockRestore(),
    )
    expect(code).toBe(0)
    expect(err).toMatch(/enqueued 2 document\(s\) for `claimtrail worker`, 1 failed/)
    expect(err).toMatch(/line 2: not valid JSON/)
    const queue = await openQueue(url)
    expect(await queue.waiting()).toBe(2)
    await queue.close()
  })
})
