/**
 * `claimtrail serve [--db FILE|URL] [--port 8080] [--host 127.0.0.1]`: the HTTP JSON API and the web
 * UI (annotated reader, search, speaker and entity pages) on one port, until Ctrl-C.
 */
import type { Command } from 'commander'
import { createApp, DEFAULT_MAX_BODY_BYTES, LOOPBACK_HOSTS } from '../../server/app.js'
import { listen } from '../../server/listen.js'
import { FilterError, parseCount } from '../../search/filters.js'
import { openStore, resolveDb } from '../../store/open-store.js'
import { CLI_STORE_OPTIONS } from '../store.js'
import { cliErrors } from './search.js'
import { storeOptions } from '../options.js'

interface ServeOptions {
  db?: string
  port: string
  host: string
  fetch: boolean
  maxBody?: string
}

/** Hosts that only this machine can reach; anything else gets a warning about URL fetching. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1'])

export function registerServe(program: Command, setExit: (code: number) => void): void {
  storeOptions(
    program
      .command('serve')
      .description('HTTP JSON API and web UI: annotated reader, search, speaker and entity pages'),
    [],
  )
    .option('--port <n>', 'TCP port (0 picks a free one)', '8080')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--no-fetch', 'refuse "url" in POST /api/analyze (for servers others can reach)')
    .option('--max-body <bytes>', `largest request body (default ${DEFAULT_MAX_BODY_BYTES})`)
    .addHelpText(
      'after',
      '\nExamples:\n  claimtrail serve\n  claimtrail serve --db corpus.db --port 3000\n' +
        '  claimtrail serve --host 0.0.0.0 --no-fetch   # reachable by others: no URL fetching',
    )
    .action(async (opts: ServeOptions) => {
      const code = await cliErrors(async () => {
        const port = parseCount('port', opts.port, 0)
        if (port === undefined || port > 65535)
          throw new FilterError(`--port must be 0 to 65535, got "${opts.port}"`)
        const maxBodyBytes = parseCount('max-body', opts.maxBody, 1) ?? DEFAULT_MAX_BODY_BYTES
        const store = await openStore(resolveDb(opts.db), CLI_STORE_OPTIONS)
        const loopback = LOOPBACK.has(opts.host)
        // On loopback only the machine's own names are answered (DNS rebinding); elsewhere the
        // operator's proxy or firewall decides who reaches the server.
        const app = createApp({
          store,
          maxBodyBytes,
          fetchUrls: opts.fetch,
          allowedHosts: loopback ? LOOPBACK_HOSTS : null,
        })
        const server = await listen(app, { host: opts.host, port }).catch(async (error: unknown) => {
          await store.close()
          throw new FilterError(`cannot listen on ${opts.host}:${port}: ${(error as Error).message}`)
        })
        process.stderr.write(`claimtrail: serving ${store.location} at ${server.url}/ (Ctrl-C stops)\n`)
        if (!loopback && opts.fetch) {
          process.stderr.write(
            'claimtrail: warning: reachable beyond this machine and URL fetching is on; consider --no-fetch\n',
          )
        }
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve)
          process.once('SIGTERM', resolve)
        })
        await server.close()
        await store.close()
        return 0
      })
      setExit(code)
    })
}
