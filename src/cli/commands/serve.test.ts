import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { runCli } from '../main.js'

const dir = mkdtempSync(path.join(tmpdir(), 'claimtrail-serve-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('claimtrail serve', () => {
  it('serves the API and the UI on a free port until SIGINT, then exits 0', async () => {
    const lines: string[] = []
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk))
      return true
    })
    try {
      const db = path.join(dir, 'serve.db')
      const done = runCli(['node', 'claimtrail', 'serve', '--db', db, '--port', '0'])
      await vi.waitFor(() => expect(lines.join('')).toMatch(/at http:\/\/127\.0\.0\.1:\d+\//), {
        timeout: 10_000,
      })
      const url = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(lines.join(''))?.[1] as string
      const health = (await (await fetch(`${url}/api/health`)).json()) as {
        ok: boolean
        store: { location: string }
      }
      expect(health.ok).toBe(true)
      expect(health.store.location).toContain('serve.db')
      const page = await fetch(`${url}/`)
      expect(page.headers.get('content-type')).toMatch(/^text\/html/)
      expect(await page.text()).toContain('<script type="module" src="/app.js">')
      expect((await fetch(`${url}/../package.json`)).status).toBe(404)
      expect((await fetch(`${url}/%2e%2e%2fpackage.json`)).status).toBe(404)
      expect((await fetch(`${url}/app.js`)).headers.get('content-type')).toMatch(/^text\/javascript/)
      // A page on another domain rebound to 127.0.0.1 sends its own Host header: refused.
      const rebound = await new Promise<number>((resolve, reject) => {
        const { port } = new URL(url)
        request(
          { host: '127.0.0.1', port, path: '/api/health', headers: { host: `attacker.example:${port}` } },
          (res) => resolve(res.statusCode ?? 0),
        )
          .on('error', reject)
          .end()
      })
      expect(rebound).toBe(403)
      process.emit('SIGINT')
      expect(await done).toBe(0)
    } finally {
      spy.mockRestore()
    }
  })

  it.each([[['--port', 'eighty']], [['--port', '70000']]])(
    'refuses %j as a usage error (exit 2)',
    async (args) => {
      const spy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
      try {
        expect(await runCli(['node', 'claimtrail', 'serve', '--db', path.join(dir, 'x.db'), ...args])).toBe(2)
      } finally {
        spy.mockRestore()
      }
    },
  )
})
