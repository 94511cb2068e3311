/** fetchUrl against a local server on 127.0.0.1 only: no test here ever reaches another address. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IngestError } from './errors.js'
import { fetchUrl } from './fetch.js'

const ARTICLE =
  '<!DOCTYPE html><html><head><title>Talks collapse</title></head><body><p>Dock workers walked out.</p></body></html>'

type Handler = (req: IncomingMessage, res: ServerResponse) => void
const routes: Record<string, Handler> = {
  '/article': (_, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(ARTICLE)
  },
  '/latin': (_, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=ISO-8859-1' })
    res.end(iconv.encode('<p>Café “crème”</p>', 'windows-1252'))
  },
  '/meta-charset': (_, res) => {
    res.writeHead(200, { 'content-type': 'text/html' })
    res.end(iconv.encode('<meta charset="windows-1252"><p>Grève générale</p>', 'windows-1252'))
  },
  '/plain': (_, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' })
    res.end('The council voted 7-2.')
  },
  '/redirect-once': (_, res) => {
    res.writeHead(301, { location: '/article' })
    res.end()
  },
  '/loop': (_, res) => {
    res.writeHead(302, { location: '/loop' })
    res.end()
  },
  '/slow-headers': () => {
    // never answers
  },
  '/slow-body': (_, res) => {
    res.writeHead(200, { 'content-type': 'text/html' })
    res.write('<p>The first half arrives')
    // the second half never does
  },
  '/huge': (_, res) => {
    res.writeHead(200, { 'content-type': 'text/html' })
    const chunk = Buffer.alloc(64 * 1024, 0x61)
    let sent = 0
    const pump = (): void => {
      while (sent < 64 * 1024 * 1024) {
        sent += chunk.length
        if (!res.write(chunk)) {
          res.once('drain', pump)
          return
        }
      }
      res.end()
    }
    res.on('error', () => {})
    pump()
  },
  '/huge-declared': (_, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) })
    res.end()
  },
  '/image': (_, res) => {
    res.writeHead(200, { 'content-type': 'image/png' })
    res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]))
  },
}

let server: Server
let base: string
const open = new Set<import('node:net').Socket>()

beforeAll(async () => {
  server = createServer((req, res) => {
    const handler = routes[req.url ?? '']
    if (handler) handler(req, res)
    else {
      res.writeHead(404, { 'content-type': 'text/html' })
      res.end('<p>Not found</p>')
    }
  })
  server.on('connection', (socket) => {
    open.add(socket)
    socket.on('close', () => open.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  for (const socket of open) socket.destroy()
  await new Promise((resolve) => server.close(resolve))
})

async function failure(promise: Promise<unknown>): Promise<IngestError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof IngestError) return error
    throw error
  }
  throw new Error('expected an IngestError')
}

describe('fetchUrl', () => {
  it('fetches a page with its content type and charset', async () => {
    const page = await fetchUrl(`${base}/article`)
    expect(page.url).toBe(`${base}/article`)
    expect(page.contentType).toBe('text/html')
    expect(page.charset).toBe('utf-8')
    expect(page.charsetSource).toBe('header')
    expect(Buffer.from(page.bytes).toString()).toBe(ARTICLE)
  })

  it('maps an ISO-8859-1 header to windows-1252', async () => {
    const page = await fetchUrl(`${base}/latin`)
    expect(page.charset).toBe('windows-1252')
  })

  it('reads the charset from <meta> when the header has none', async () => {
    const page = await fetchUrl(`${base}/meta-charset`)
    expect(page).toMatchObject({ charset: 'windows-1252', charsetSource: 'page' })
  })

  it('fetches plain text', async () => {
    const page = await fetchUrl(`${base}/plain`)
    expect(page.contentType).toBe('text/plain')
  })

  it('follows redirects and reports the final URL', async () => {
    const page = await fetchUrl(`${base}/redirect-once`)
    expect(page.url).toBe(`${base}/article`)
  })

  it('stops a redirect loop', async () => {
    const error = await failure(fetchUrl(`${base}/loop`, { maxRedirects: 3 }))
    expect(error.code).toBe('too-many-redirects')
    expect(error.message).toMatch(/^more than 3 redirects fetching http:\/\/127\.0\.0\.1:\d+\/loop/)
  })

  it('times out when the server never answers', async () => {
    const error = await failure(fetchUrl(`${base}/slow-headers`, { timeoutMs: 300 }))
    expect(error.code).toBe('timeout')
    expect(error.message).toBe(`timed out after 0.3 s fetching ${base}/slow-headers`)
  })

  it('times out when the body stalls', async () => {
    const error = await failure(fetchUrl(`${base}/slow-body`, { timeoutMs: 300 }))
    expect(error.code).toBe('timeout')
  })

  it('stops reading at the size limit', async () => {
    const error = await failure(fetchUrl(`${base}/huge`, { maxBytes: 1024 * 1024 }))
    expect(error.code).toBe('too-large')
    expect(error.message).toMatch(/is more than the 1 MB limit$/)
  })

  it('refuses a declared length over the limit without reading', async () => {
    const error = await failure(fetchUrl(`${base}/huge-declared`))
    expect(error.code).toBe('too-large')
    expect(error.message).toMatch(/is 50 MB, over the 10 MB limit$/)
  })

  it('reports HTTP errors with the status', async () => {
    const error = await failure(fetchUrl(`${base}/missing`))
    expect(error.code).toBe('http-status')
    expect(error.message).toBe(`HTTP 404 Not Found fetching ${base}/missing`)
  })

  it('refuses binary content types', async () => {
    const error = await failure(fetchUrl(`${base}/image`))
    expect(error.code).toBe('content-type')
    expect(error.message).toBe(`${base}/image is image/png, not HTML, XML, text or JSON`)
  })

  it.each([
    ['ftp://127.0.0.1/file.txt', /only http and https/],
    ['not a url', /is not a valid URL/],
  ])('refuses %s', async (url, message) => {
    const error = await failure(fetchUrl(url))
    expect(error.code).toBe('bad-url')
    expect(error.message).toMatch(message)
  })

  it('reports a refused connection', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    const error = await failure(fetchUrl(`http://127.0.0.1:${port}/`))
    expect(error.code).toBe('network')
    expect(error.message).toContain('ECONNREFUSED')
  })
})
