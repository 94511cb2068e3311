/**
 * The web UI in a real browser (Debian chromium through playwright-core) against `claimtrail serve`'s app
 * on 127.0.0.1 and a random port: paste the example article, see the attributions highlighted and the
 * speaker named; then the speaker page, search and the stored document.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/server/app.js'
import { listen, type RunningServer } from '../../src/server/listen.js'
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js'
import type { Store } from '../../src/store/types.js'

const CHROMIUM = '/usr/bin/chromium'
const ARTICLE = readFileSync(new URL('../corpus/irgc-salami-interview/source.txt', import.meta.url), 'utf8')
const SHOTS = process.env.CLAIMTRAIL_UI_SHOTS ?? tmpdir()

// CI installs chromium with apt-get; a machine without it cannot run these tests at all.
const reason = existsSync(CHROMIUM) ? null : `${CHROMIUM} is absent (apt-get install chromium)`

describe.skipIf(reason !== null)('web UI', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'claimtrail-ui-'))
  let store: Store
  let server: RunningServer
  let browser: Browser
  let page: Page
  const pageErrors: string[] = []

  beforeAll(async () => {
    store = await SqliteStore.open(path.join(dir, 'ui.db'))
    server = await listen(createApp({ store, fetchUrls: false, log: () => {} }), {
      host: '127.0.0.1',
      port: 0,
    })
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    })
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    page.on('pageerror', (error) => pageErrors.push(error.message))
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text())
    })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await store?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('highlights the attributions of a pasted article and names Hossein Salami', async () => {
    await page.goto(`${server.url}/`)
    await page.getByLabel('Article text').fill(ARTICLE)
    await page.getByLabel('Published').fill('2022-09-01')
    await page.getByLabel('save to corpus').check()
    await page.getByRole('button', { name: 'Analyse' }).click()
    await page.locator('.reader .content').first().waitFor()

    const highlighted = await page.locator('.reader .content').count()
    expect(highlighted).toBeGreaterThan(5)
    await expect
      .poll(() => page.locator('.voice .chip', { hasText: 'Hossein Salami' }).count())
      .toBeGreaterThan(3)
    // The first sentence's content is tinted: the browser computed a background other than transparent.
    const background = await page
      .locator('.reader .content')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor)
    expect(background).not.toBe('rgba(0, 0, 0, 0)')
    // The highlights cover exactly the text the API gave as content (offsets are JS string indices).
    const first = page.locator('[data-att="a1"]')
    const shown = (await first.allTextContents()).join('')
    expect(ARTICLE).toContain(shown)
    expect(shown).toMatch(/the recent defeat of the Zionist regime/)
    // Cue and source are marked; time expressions carry their value.
    expect(await page.locator('.reader .cue').count()).toBeGreaterThan(3)
    expect(await page.locator('.reader .source').count()).toBeGreaterThan(3)
    expect(await page.locator('.reader .time[data-time]').count()).toBeGreaterThan(0)
    await expect.poll(() => page.locator('.notice a').textContent()).toMatch(/document \d+/)
    // Clicking a highlight explains it in the side panel: speaker, source and cue.
    await first.first().click()
    const details = page.locator('.details')
    await expect.poll(() => details.textContent()).toMatch(/a1 (direct|indirect|mixed) attribution/)
    expect(await details.textContent()).toContain('Hossein Salami')
    expect(await details.textContent()).toContain('“said”')
    // The keyboard reaches the same explanation: the table's jump link focuses the statement, Enter opens it.
    await page.locator('.attributions a[data-jump="a2"]').click()
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-att'))).toBe('a2')
    await page.keyboard.press('Enter')
    await expect.poll(() => details.textContent()).toMatch(/a2 (direct|indirect|mixed) attribution/)
    // The check-worthy claims, most check-worthy first, each naming whose claim it is.
    const claimScores = await page.locator('.claims td.score').allTextContents()
    expect(claimScores.length).toBeGreaterThan(2)
    expect(claimScores.map(Number)).toEqual(claimScores.map(Number).sort((a, b) => b - a))
    expect(await page.locator('.claims tbody').textContent()).toContain('Hossein Salami')
    await page.locator('#reader-out').screenshot({ path: path.join(SHOTS, 'claimtrail-reader.png') })
    expect(pageErrors).toEqual([])
  })

  it('shows the speaker page with a timeline over outlets and dates, and his statements', async () => {
    // A second, later document from another outlet: one paragraph of the same interview.
    const paragraph = ARTICLE.split(/\n\s*\n/).find((p) => p.startsWith('Salami also said')) ?? ''
    const res = await fetch(`${server.url}/api/analyze`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: paragraph, published: '2022-09-20', outlet: 'Press TV', save: true }),
    })
    expect(res.status).toBe(200)
    await page.goto(`${server.url}/#/speaker/Salami`)
    await page.locator('svg.timeline').waitFor()
    await expect.poll(() => page.locator('h1').textContent()).toBe('Hossein Salami')
    const listed = await page.locator('.hit blockquote').count()
    expect(listed).toBeGreaterThan(3)
    // One mark per outlet and day; their counts add up to the statements listed below the chart.
    const marks = page.locator('svg.timeline .tl-dot')
    expect(await marks.count()).toBe(2)
    const counts = await marks.evaluateAll((els) =>
      els.map((el) => Number(/(\d+) statement/.exec(el.getAttribute('aria-label') ?? '')?.[1] ?? 0)),
    )
    expect(counts.reduce((a, b) => a + b, 0)).toBe(listed)
    expect(await page.locator('svg.timeline').textContent()).toContain('Press TV')
    await page.screenshot({ path: path.join(SHOTS, 'claimtrail-speaker.png'), fullPage: true })
    expect(pageErrors).toEqual([])
  })

  it('shows the persuasion techniques of a speaker and of each outlet, as the API counts them', async () => {
    const profile = (await (await fetch(`${server.url}/api/speakers/Salami`)).json()) as {
      techniques: { technique: string; uses: number }[]
    }
    await page.goto(`${server.url}/#/speaker/Salami`)
    await page.locator('svg.timeline').waitFor()
    const rows = (table: string) =>
      page.locator(`${table} tbody tr`).evaluateAll((trs) =>
        trs.map((tr) =>
          Array.from(tr.children)
            .slice(0, 2)
            .map((td) => td.textContent),
        ),
      )
    const expected = profile.techniques.map((t) => [t.technique.replace(/_/g, ' '), String(t.uses)])
    expect(await rows('table.techniques')).toEqual(expected)
    // The techniques page, by outlet: the outlets' own voice, one table per outlet.
    const api = (await (await fetch(`${server.url}/api/techniques?by=outlet`)).json()) as {
      voices: { name: string; uses: number }[]
    }
    await page.goto(`${server.url}/#/techniques?by=outlet`)
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Persuasion techniques')
    await expect
      .poll(() => page.locator('section.voice h2').allTextContents())
      .toEqual(api.voices.map((v) => `${v.name} · ${v.uses} use${v.uses === 1 ? '' : 's'}`))
    await page.screenshot({ path: path.join(SHOTS, 'claimtrail-techniques.png'), fullPage: true })
    expect(pageErrors).toEqual([])
  })

  it('searches with facets and opens the document at the statement', async () => {
    await page.goto(`${server.url}/#/search?q=${encodeURIComponent('"West Bank"')}`)
    await page.locator('.hit').first().waitFor()
    expect(await page.locator('.facets').textContent()).toContain('Hossein Salami')
    await page.screenshot({ path: path.join(SHOTS, 'claimtrail-search.png') })
    // Pages of one hit each: the pager moves through them and the counts say where we are.
    await page.goto(`${server.url}/#/search?q=Zionist&limit=1`)
    await expect.poll(() => page.locator('.hits > p').first().textContent()).toMatch(/matches, showing 1–1/)
    await page.getByRole('link', { name: 'Next →' }).click()
    await expect.poll(() => page.locator('.hits > p').first().textContent()).toMatch(/showing 2–2/)
    await page.goto(`${server.url}/#/search?q=${encodeURIComponent('"West Bank"')}`)
    await page.locator('.hit').first().waitFor()
    await page.locator('.hit a[href*="#/doc/"]').first().click()
    await page.locator('.reader .content.focus').first().waitFor()
    expect(pageErrors).toEqual([])
  })

  it('opens an entity page from the reader’s entity list', async () => {
    await page.locator('.entities a', { hasText: 'Gaza Strip' }).first().click()
    await expect.poll(() => page.locator('h1').textContent()).toBe('Gaza Strip')
    await page.locator('.hit').first().waitFor()
    expect(await page.locator('main').textContent()).toMatch(/Documents \(\d+\)/)
    await page.screenshot({ path: path.join(SHOTS, 'claimtrail-entity.png') })
    expect(pageErrors).toEqual([])
  })

  it('lists the check-worthy claims as the API ranks them and opens the reader at one', async () => {
    // An article in the outlet's own voice: its claims have no attribution, only offsets.
    const text =
      'Unemployment in the region rose to 7.5 percent in March, the highest level since 2010. ' +
      "The city's population grew by 12 percent between 2010 and 2020, reaching 1.4 million residents."
    const saved = await fetch(`${server.url}/api/analyze`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text, published: '2021-05-03', outlet: 'Valley Ledger', save: true }),
    })
    expect(saved.status).toBe(200)
    type Claim = { text: string; checkworthiness: number; attributionId: string | null }
    const api = (await (await fetch(`${server.url}/api/claims?limit=50`)).json()) as { claims: Claim[] }
    expect(api.claims.length).toBeGreaterThan(2)
    await page.goto(`${server.url}/#/claims`)
    await page.locator('table.claims tbody tr').first().waitFor()
    // The same claims in the same order, most check-worthy first.
    expect(await page.locator('table.claims td.quote a').allTextContents()).toEqual(
      api.claims.map((c) => c.text),
    )
    const scores = (await page.locator('table.claims td.score').allTextContents()).map(Number)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    // Filtered to the outlet, then opened: the reader marks the sentence that holds the claim.
    await page.goto(`${server.url}/#/claims?outlet=${encodeURIComponent('Valley Ledger')}`)
    const population = page.locator('table.claims td.quote a', { hasText: 'population grew' })
    await population.waitFor()
    expect(await page.locator('table.claims tbody tr').count()).toBe(2)
    await population.click()
    const marked = page.locator('.reader p.sentence.focus')
    await marked.first().waitFor()
    expect(await marked.count()).toBe(1)
    expect(await marked.textContent()).toContain('population grew by 12 percent')
    // The header counts the corpus's claims, as /api/health does.
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as {
      store: { counts: { claims: number } }
    }
    expect(health.store.counts.claims).toBeGreaterThan(api.claims.length - 1)
    await expect
      .poll(() => page.locator('#health').textContent())
      .toContain(`${health.store.counts.claims} claims`)
    await page.screenshot({ path: path.join(SHOTS, 'claimtrail-claims.png') })
    expect(pageErrors).toEqual([])
  })

  it('lists the speakers with their counts and links to their pages', async () => {
    await page.goto(`${server.url}/#/speakers`)
    const row = page.locator('table.data tr', { hasText: 'Hossein Salami' })
    await row.waitFor()
    expect(Number(await row.locator('td.num').first().textContent())).toBeGreaterThan(3)
    await page.screenshot({ path: path.join(SHOTS, 'claimtrail-speakers.png') })
    await row.locator('a').click()
    await expect.poll(() => page.locator('h1').textContent()).toBe('Hossein Salami')
  })

  it('says what went wrong when the server refuses a request', async () => {
    await page.goto(`${server.url}/#/doc/999999`)
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/no document with id 999999/)
  })
})

describe.skipIf(reason === null)('web UI (skipped)', () => {
  it.skip(`needs chromium: ${reason}`, () => {})
})
