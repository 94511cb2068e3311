/**
 * BILOU label scheme (Ratinov & Roth 2009: beats BIO for NER): B(egin), I(nside), L(ast), U(nit), O.
 * Label ids: 0 = O, then for type t (0-based) B = 1 + 4t, I = 2 + 4t, L = 3 + 4t, U = 4 + 4t.
 */

export const Bilou = { B: 0, I: 1, L: 2, U: 3 } as const
export type Bilou = (typeof Bilou)[keyof typeof Bilou]

/** A typed token range `[start, end)` over a sentence's tokens. */
export interface TokenSpan {
  start: number
  end: number
  type: number
}

/** Label id for a position and a type. */
export function bilouLabel(position: Bilou, type: number): number {
  return 1 + 4 * type + position
}

/** Label names for `types`, in id order: ['O', 'B-PER', 'I-PER', …]. */
export function bilouLabelNames(types: readonly string[]): string[] {
  const names = ['O']
  for (const t of types) names.push(`B-${t}`, `I-${t}`, `L-${t}`, `U-${t}`)
  return names
}

/**
 * BILOU label ids for typed spans over `length` tokens (spans must not overlap).
 *
 * @example
 * encodeBilou(3, [{ start: 0, end: 2, type: 0 }]) // [1, 3, 0]: B-t0 L-t0 O
 */
export function encodeBilou(length: number, spans: readonly TokenSpan[]): number[] {
  const labels = new Array<number>(length).fill(0)
  for (const s of spans) {
    if (s.end - s.start === 1) labels[s.start] = bilouLabel(Bilou.U, s.type)
    else {
      labels[s.start] = bilouLabel(Bilou.B, s.type)
      for (let i = s.start + 1; i < s.end - 1; i++) labels[i] = bilouLabel(Bilou.I, s.type)
      labels[s.end - 1] = bilouLabel(Bilou.L, s.type)
    }
  }
  return labels
}

/**
 * Spans from BILOU label ids, repairing illegal sequences deterministically: an I or L right after a span
 * continues that span (with the I/L's type); an I or L after O opens a span; a span left open (B/I followed by
 * O, another type or a new B/U) closes before it.
 *
 * @example
 * decodeBilou([1, 2, 0, 4]) // [{start:0,end:2,type:0}, {start:3,end:4,type:0}]
 */
export function decodeBilou(labels: ArrayLike<number>): TokenSpan[] {
  const spans: TokenSpan[] = []
  let open = -1
  let openType = -1
  const close = (end: number): void => {
    if (open >= 0) spans.push({ start: open, end, type: openType })
    open = -1
    openType = -1
  }
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] as number
    if (label === 0) {
      close(i)
      continue
    }
    const type = (label - 1) >> 2
    const position = (label - 1) & 3
    const continues = position === Bilou.I || position === Bilou.L
    if (!continues || type !== openType) close(i)
    const previous = spans[spans.length - 1]
    if (open < 0 && continues && previous && previous.end === i) {
      // An I/L right after a closed span continues it ("Panama/U-LOC City/L-LOC", "Texas/U-ORG
      // Open/L-MISC"): reopen it, taking the continuing label's type, which has seen more of the name.
      spans.pop()
      open = previous.start
      openType = type
    }
    if (open < 0) {
      open = i
      openType = type
    }
    if (position === Bilou.L || position === Bilou.U) close(i + 1)
  }
  close(labels.length)
  return spans
}
