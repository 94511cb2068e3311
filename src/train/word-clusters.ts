/**
 * Flat word classes by the exchange algorithm (Kneser & Ney 1993; Martin, Liermann & Ney 1998): every pass
 * moves each word to the class that most raises the class-bigram log-likelihood
 * `Σ N(c,c')·log N(c,c') − 2·Σ N(c)·log N(c)`. Counts are integers, so x·log x comes from a table.
 * Used by `train entities` to give the tagger word-class features (Ratinov & Roth 2009 used Brown clusters;
 * flat classes at several sizes play the part of Brown path prefixes). Deterministic: words are visited in
 * frequency order and ties go to the lower class.
 */

export interface ClusterOptions {
  classes: number
  /** Words seen fewer times share one "rare" word. */
  minCount: number
  passes: number
  log?: (line: string) => void
}

export interface WordClasses {
  /** Vocabulary in frequency order (count desc, then code-unit order). */
  words: string[]
  /** Class of each word, same order. */
  classOf: Int32Array
}

const RARE = '\u0000rare'
const BOUNDARY = '\u0000boundary'

/**
 * Exchange clustering over sentences of words (each sentence is framed by a boundary word).
 *
 * @example
 * const { words, classOf } = exchangeClusters(sentences, { classes: 256, minCount: 3, passes: 8 })
 */
export function exchangeClusters(
  sentences: readonly (readonly string[])[],
  opts: ClusterOptions,
): WordClasses {
  const counts = new Map<string, number>()
  for (const s of sentences) for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1)
  const vocab = [...counts.entries()]
    .filter(([, n]) => n >= opts.minCount)
    .sort(([a, n], [b, m]) => m - n || (a < b ? -1 : a > b ? 1 : 0))
    .map(([w]) => w)
  vocab.push(RARE, BOUNDARY)
  const id = new Map(vocab.map((w, i) => [w, i]))
  const V = vocab.length
  const rare = V - 2
  const boundary = V - 1

  // Bigram counts as CSR successor and predecessor lists.
  const pairs = new Map<number, number>()
  const unigram = new Float64Array(V)
  let total = 0
  for (const s of sentences) {
    let prev = boundary
    unigram[boundary] = (unigram[boundary] as number) + 1
    for (let i = 0; i <= s.length; i++) {
      const cur = i < s.length ? (id.get(s[i] as string) ?? rare) : boundary
      if (i < s.length) unigram[cur] = (unigram[cur] as number) + 1
      const key = prev * V + cur
      pairs.set(key, (pairs.get(key) ?? 0) + 1)
      prev = cur
      total++
    }
  }
  const keys = [...pairs.keys()].sort((a, b) => a - b)
  const succStart = new Int32Array(V + 1)
  const predStart = new Int32Array(V + 1)
  for (const k of keys) {
    succStart[Math.floor(k / V) + 1] = (succStart[Math.floor(k / V) + 1] as number) + 1
    predStart[(k % V) + 1] = (predStart[(k % V) + 1] as number) + 1
  }
  for (let i = 0; i < V; i++) {
    succStart[i + 1] = (succStart[i + 1] as number) + (succStart[i] as number)
    predStart[i + 1] = (predStart[i + 1] as number) + (predStart[i] as number)
  }
  const succWord = new Int32Array(keys.length)
  const succCount = new Float64Array(keys.length)
  const predWord = new Int32Array(keys.length)
  const predCount = new Float64Array(keys.length)
  const succFill = succStart.slice(0, V)
  const predFill = predStart.slice(0, V)
  for (const k of keys) {
    const u = Math.floor(k / V)
    const v = k % V
    const n = pairs.get(k) as number
    const si = succFill[u] as number
    succFill[u] = si + 1
    succWord[si] = v
    succCount[si] = n
    const pi = predFill[v] as number
    predFill[v] = pi + 1
    predWord[pi] = u
    predCount[pi] = n
  }
  pairs.clear()

  const C = opts.classes
  const xlogx = new Float64Array(total + 2)
  for (let x = 2; x < xlogx.length; x++) xlogx[x] = x * Math.log(x)
  const f = (x: number): number => xlogx[x] as number

  // Start: word i in class i mod C (frequent words spread over classes).
  const cls = new Int32Array(V)
  for (let w = 0; w < V; w++) cls[w] = w % C
  const N = new Float64Array(C * C)
  const Nc = new Float64Array(C)
  for (let u = 0; u < V; u++) {
    Nc[cls[u] as number] = (Nc[cls[u] as number] as number) + (unigram[u] as number)
    for (let k = succStart[u] as number; k < (succStart[u + 1] as number); k++) {
      const cell = (cls[u] as number) * C + (cls[succWord[k] as number] as number)
      N[cell] = (N[cell] as number) + (succCount[k] as number)
    }
  }

  const sc = new Float64Array(C)
  const pc = new Float64Array(C)
  const sKeys = new Int32Array(C)
  const pKeys = new Int32Array(C)
  for (let pass = 1; pass <= opts.passes; pass++) {
    let moves = 0
    for (let w = 0; w < V; w++) {
      const a = cls[w] as number
      const nw = unigram[w] as number
      // Successor and predecessor class counts of w, without its self-bigram.
      let ns = 0
      let np = 0
      let self = 0
      for (let k = succStart[w] as number; k < (succStart[w + 1] as number); k++) {
        const v = succWord[k] as number
        if (v === w) {
          self += succCount[k] as number
          continue
        }
        const c = cls[v] as number
        if (sc[c] === 0) sKeys[ns++] = c
        sc[c] = (sc[c] as number) + (succCount[k] as number)
      }
      for (let k = predStart[w] as number; k < (predStart[w + 1] as number); k++) {
        const u = predWord[k] as number
        if (u === w) continue
        const c = cls[u] as number
        if (pc[c] === 0) pKeys[np++] = c
        pc[c] = (pc[c] as number) + (predCount[k] as number)
      }
      // Take w out of its class.
      for (let k = 0; k < ns; k++) add(N, a * C + (sKeys[k] as number), -(sc[sKeys[k] as number] as number))
      for (let k = 0; k < np; k++) add(N, (pKeys[k] as number) * C + a, -(pc[pKeys[k] as number] as number))
      N[a * C + a] = (N[a * C + a] as number) - self
      Nc[a] = (Nc[a] as number) - nw
      // Best class to put it back into.
      let best = a
      let bestGain = -Infinity
      for (let b = 0; b < C; b++) {
        let gain = -2 * (f((Nc[b] as number) + nw) - f(Nc[b] as number))
        for (let k = 0; k < ns; k++) {
          const c = sKeys[k] as number
          const x = N[b * C + c] as number
          gain += f(x + (sc[c] as number)) - f(x)
        }
        for (let k = 0; k < np; k++) {
          const c = pKeys[k] as number
          const x = N[c * C + b] as number
          gain += f(x + (pc[c] as number)) - f(x)
        }
        if (gain > bestGain + 1e-9) {
          bestGain = gain
          best = b
        }
      }
      if (best !== a) moves++
      cls[w] = best
      for (let k = 0; k < ns; k++) {
        const c = sKeys[k] as number
        add(N, best * C + c, sc[c] as number)
        sc[c] = 0
      }
      for (let k = 0; k < np; k++) {
        const c = pKeys[k] as number
        add(N, c * C + best, pc[c] as number)
        pc[c] = 0
      }
      N[best * C + best] = (N[best * C + best] as number) + self
      Nc[best] = (Nc[best] as number) + nw
    }
    opts.log?.(`clusters ${C}: pass ${pass}, ${moves} moves`)
    if (moves === 0) break
  }
  return { words: vocab.slice(0, V - 2), classOf: cls.slice(0, V - 2) }
}

function add(values: Float64Array, at: number, delta: number): void {
  values[at] = (values[at] as number) + delta
}
