/**
 * A fixed map from 32-bit word hashes to 32-bit values in two typed arrays with linear probing: one
 * multiply-free probe per token instead of a `Map` lookup on a heap number (STYLE §6.9: tokens are the
 * hot path). Key 0 marks an empty slot, so a word whose hash is 0 is stored under 1.
 */
export class WordTable {
  private readonly keys: Uint32Array
  private readonly values: Uint32Array
  private readonly mask: number

  /**
   * @example
   * new WordTable(new Map([[hashWord('regime'), 3]])).get(hashWord('regime')) // 3
   */
  constructor(entries: ReadonlyMap<number, number>) {
    let size = 16
    while (size < entries.size * 2) size *= 2
    this.keys = new Uint32Array(size)
    this.values = new Uint32Array(size)
    this.mask = size - 1
    for (const [key, value] of entries) {
      const k = key >>> 0 || 1
      let slot = k & this.mask
      while (this.keys[slot] !== 0 && this.keys[slot] !== k) slot = (slot + 1) & this.mask
      this.keys[slot] = k
      this.values[slot] = value
    }
  }

  /** The value stored for `key`, or 0. */
  get(key: number): number {
    const k = key >>> 0 || 1
    let slot = k & this.mask
    for (;;) {
      const at = this.keys[slot] as number
      if (at === k) return this.values[slot] as number
      if (at === 0) return 0
      slot = (slot + 1) & this.mask
    }
  }
}
