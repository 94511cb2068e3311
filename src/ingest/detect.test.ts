import { describe, expect, it } from 'vitest'
import {
  detectFormat,
  formatFromContentType,
  formatFromExtension,
  sniffFormat,
  sourceKind,
} from './detect.js'

describe('sourceKind', () => {
  it.each([
    ['-', 'stdin'],
    ['https://www.reuters.com/world/x', 'url'],
    ['HTTP://example.com', 'url'],
    ['articles/2022-09-01.html', 'file'],
    ['http-notes.txt', 'file'],
  ])('%s → %s', (source, kind) => {
    expect(sourceKind(source)).toBe(kind)
  })
})

describe('format detection', () => {
  it.each([
    ['story.html', 'html'],
    ['story.HTM', 'html'],
    ['page.xhtml', 'html'],
    ['notes.txt', 'text'],
    ['README.md', 'text'],
    ['article', null],
  ])('extension of %s → %s', (path, format) => {
    expect(formatFromExtension(path)).toBe(format)
  })

  it.each([
    ['text/html; charset=utf-8', 'html'],
    ['application/xhtml+xml', 'html'],
    ['text/plain', 'text'],
    ['application/octet-stream', null],
    [null, null],
  ])('content type %s → %s', (type, format) => {
    expect(formatFromContentType(type)).toBe(format)
  })

  it.each([
    ['<!DOCTYPE html><html><body>x</body></html>', 'html'],
    ['\n\n  <!-- saved from url=(0042) -->\n<html lang="en">', 'html'],
    ['\uFEFF<!doctype html>', 'html'],
    ['<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">', 'html'],
    ['<div class="story"><p>One.</p><p>Two.</p></div>', 'html'],
    ['Prices rose 3% as x < y and y > z.', 'text'],
    ['The <b> tag was mentioned once.', 'text'],
    ['TEHRAN (Tasnim) – The commander said on Tuesday…', 'text'],
  ])('sniffs %j as %s', (content, format) => {
    expect(sniffFormat(content)).toBe(format)
    expect(sniffFormat(Buffer.from(content))).toBe(format)
  })

  it('lets an explicit format, then the content type, then the extension decide before sniffing', () => {
    const html = '<html><body><p>x</p></body></html>'
    expect(detectFormat({ content: html, format: 'text' })).toBe('text')
    expect(detectFormat({ content: html, contentType: 'text/plain', path: 'a.html' })).toBe('text')
    expect(detectFormat({ content: html, path: 'a.txt' })).toBe('text')
    expect(detectFormat({ content: html, path: 'a' })).toBe('html')
  })
})
