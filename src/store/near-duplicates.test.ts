import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  bandKeys,
  BANDS,
  estimateSimilarity,
  minhash,
  NEAR_DUPLICATE_THRESHOLD,
  signatureFromBytes,
  signatureToBytes,
} from './near-duplicates.js'

const article = readFileSync(
  new URL('../../test/corpus/irgc-salami-interview/source.txt', import.meta.url),
  'utf8',
)
const paragraphs = article.split('\n\n')

describe('near-duplicates', () => {
  it('scores a wire copy with a new first paragraph and a dropped last one above the threshold', () => {
    const copy = ['TEHRAN (Tasnim) – The IRGC commander spoke on Thursday.', ...paragraphs.slice(0, -1)].join(
      '\n\n',
    )
    const similarity = estimateSimilarity(minhash(article), minhash(copy))
    expect(similarity).toBeGreaterThan(NEAR_DUPLICATE_THRESHOLD)
    const shared = bandKeys(minhash(article)).filter((k) => bandKeys(minhash(copy)).includes(k))
    expect(shared.length).toBeGreaterThan(0)
  })

  it('scores two halves of one article (different content, same topic) below the threshold', () => {
    const half = Math.floor(paragraphs.length / 2)
    const first = paragraphs.slice(0, half).join('\n\n')
    const second = paragraphs.slice(half).join('\n\n')
    expect(estimateSimilarity(minhash(first), minhash(second))).toBeLessThan(0.2)
  })

  it('is deterministic and ignores case and punctuation', () => {
    expect(minhash(article)).toEqual(minhash(article))
    expect(estimateSimilarity(minhash(article), minhash(article.toUpperCase().replace(/,/g, '')))).toBe(1)
  })

  it('keeps the signatures of documents already stored: the values computed before any rewrite of minhash', () => {
    // Stored signatures are compared with new ones, so a faster minhash must give the same numbers. These
    // came from the first (shingle-major) implementation.
    const signature = minhash('The minister said on Monday that taxes would rise sharply next year.')
    expect([...signature.slice(0, 6)]).toEqual([
      457285448, 570143045, 77393486, 1100681043, 523615374, 240342121,
    ])
    expect([...signature.slice(-2)]).toEqual([103348995, 58351150])
  })

  it('round-trips signatures through bytes and gives one band key per band', () => {
    const signature = minhash(article)
    expect(signatureFromBytes(signatureToBytes(signature))).toEqual(signature)
    const keys = bandKeys(signature)
    expect(keys).toHaveLength(BANDS)
    expect(keys.every(Number.isSafeInteger)).toBe(true)
  })
})
