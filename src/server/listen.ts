/**
 * Puts the app on a TCP port with @hono/node-server. Port 0 picks a free port (tests); the promise
 * resolves once the server listens, with the address a browser can open.
 */
import { serve } from '@hono/node-server'
import type { Hono } from 'hono'

export interface RunningServer {
  /** `http://host:port`, with the port actually bound. */
  url: string
  port: number
  /** Stops accepting connections and resolves when open ones have ended. */
  close(): Promise<void>
}

/**
 * Starts listening.
 *
 * @example
 * const server = await listen(createApp(), { host: '127.0.0.1', port: 0 })
 * await fetch(`${server.url}/api/health`)
 * await server.close()
 */
export function listen(app: Hono, options: { host: string; port: number }): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            // Keep-alive connections (browsers) would hold close() open; end the idle ones now.
            if ('closeIdleConnections' in server) server.closeIdleConnections()
          }),
      })
    })
    server.once('error', reject)
  })
}
