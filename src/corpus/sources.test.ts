import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IRGC_PRESS_TV, KHAMENEHI_SPEECH } from '../store/contract-fixtures.js'
import { expandSources, type SourceItem } from './sources.js'

const page = (title: string, text: string): string =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>${text
    .split('\n\n')
    .map((p) => `<p>${p}</p>`)
    .join('')}</article></body></html>`

let server: Server
let base = ''

beforeAll(async () => {
  server = createServer((req, res) => {
    const routes: Record<string, [string, string]> = {
      '/feed.xml': [
        'application/rss+xml',
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
          <item><title>IRGC chief on the West Bank</title><link>${base}/irgc.html</link><pubDate>Thu, 01 Sep 2022 10:00:00 GMT</pubDate></item>
          <item><title>Leader on talks</title><link>${base}/leader.html</link><pubDate>Wed, 05 Oct 2022 08:00:00 GMT</pubDate></item>
          <item><title>Gone</title><link>${base}/gone.html</link></item>
        </channel></rss>`,
      ],
      '/broken.xml': [
        'application/rss+xml',
        '<?xml version="1.0"?><rss version="2.0"><channel><item><title>cut off',
      ],
      '/irgc.html': ['text/html', page('IRGC chief on the West Bank', IRGC_PRESS_TV.text)],
      '/leader.html': ['text/html', page('Leader on talks', KHAMENEHI_SPEECH.text)],
    }
    const route = routes[req.url ?? '']
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>')
      return
    }
    res.writeHead(200, { 'content-type': route[0] }).end(route[1])
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

async function collect(sources: string[]): Promise<SourceItem[]> {
  const items: SourceItem[] = []
  for await (const item of expandSources(sources)) items.push(item)
  return items
}

describe('expandSources', () => {
  it('expands an RSS feed into its articles, with the feed’s dates and outlet as fallbacks', async () => {
    const items = await collect([`${base}/feed.xml`])
    expect(items.map((i) => [i.source.replace(base, ''), i.ok])).toEqual([
      ['/irgc.html', true],
      ['/leader.html', true],
      ['/gone.html', false],
    ])
    const [irgc, leader, gone] = items
    expect(irgc?.ok && irgc.input.text).toContain('Major General Hossein Salami')
    expect(irgc?.ok && irgc.input.meta?.published).toBe('2022-09-01')
    expect(leader?.ok && leader.input.meta?.published).toBe('2022-10-05')
    expect(leader?.ok && leader.input.meta?.outlet).toBeTruthy()
    expect(!gone?.ok && gone?.reason).toMatch(/404/)
  })

  it('reports a broken feed as one failed item and goes on with the next source', async () => {
    const items = await collect([`${base}/broken.xml`, `${base}/leader.html`])
    expect(items.map((i) => i.ok)).toEqual([false, true])
    expect(!items[0]?.ok && items[0]?.reason).toMatch(/broken\.xml: broken feed/)
  })

  it('reports an unreachable server clearly', async () => {
    const items = await collect(['http://127.0.0.1:9/nothing.html'])
    expect(items).toHaveLength(1)
    expect(items[0]?.ok).toBe(false)
    expect(!items[0]?.ok && items[0]?.reason).toMatch(/127\.0\.0\.1:9/)
  })
})
