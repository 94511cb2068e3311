/**
 * HTML string to a linkedom `Document`, with the nesting guard applied first (see depth-guard.ts).
 */
import { parseHTML } from 'linkedom'
import type { Diagnostic } from '../../model/diagnostics.js'
import { limitTagDepth } from './depth-guard.js'

/**
 * Parses HTML into a DOM that Readability and our walkers can use, never taking more than linear time in
 * the nesting depth.
 *
 * @example parseDocument('<p>Hello</p>').document.body.textContent // 'Hello'
 */
export function parseDocument(html: string): { document: Document; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = []
  const guarded = limitTagDepth(html)
  if (guarded.dropped > 0) {
    diagnostics.push({
      stage: 'ingest',
      rule: 'html-too-deep',
      severity: 'warning',
      message: `HTML nested deeper than ${guarded.maxDepth} levels; ${guarded.dropped} inner tags were dropped (their text kept)`,
    })
  }
  let { document } = parseHTML(guarded.html) as unknown as { document: Document }
  if (document.documentElement?.localName !== 'html') {
    // A fragment ("<p>…</p>", plain text): linkedom builds no <html>/<body>, and Readability needs both.
    document = (
      parseHTML(`<!DOCTYPE html><html><head></head><body>${guarded.html}</body></html>`) as unknown as {
        document: Document
      }
    ).document
  } else {
    gatherIntoBody(document, document.documentElement)
  }
  return { document, diagnostics }
}

/**
 * linkedom leaves content outside <body> when a page omits the tag (`<html><p>…</p></html>`), where
 * browsers would move it in. We do the same, keeping the order.
 */
function gatherIntoBody(document: Document, root: HTMLElement): void {
  const children = Array.from(root.childNodes)
  let body = children.find((n) => (n as Element).localName === 'body') as HTMLElement | undefined
  const strays = children.filter((n) => n !== body && (n as Element).localName !== 'head')
  if (strays.every((n) => n.nodeType !== 1 && !(n.nodeValue ?? '').trim())) return
  if (!body) {
    body = document.createElement('body')
    root.appendChild(body)
  }
  const anchor = body.firstChild
  let beforeBody = true
  for (const node of children) {
    if (node === body) {
      beforeBody = false
      continue
    }
    if (!strays.includes(node)) continue
    if (beforeBody && anchor) body.insertBefore(node, anchor)
    else body.appendChild(node)
  }
}
