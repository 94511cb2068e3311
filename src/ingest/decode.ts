/**
 * Bytes to a string: BOM first, then a declared charset, then strict UTF-8, then chardet when it is sure,
 * then UTF-8 with replacement characters (and a diagnostic). Binary data is refused before any of that.
 */
import chardet from 'chardet'
import iconv from 'iconv-lite'
import type { Diagnostic } from '../model/diagnostics.js'
import { IngestError } from './errors.js'

export interface Decoded {
  text: string
  /** The charset used, as a lowercase WHATWG-style label ("utf-8", "windows-1252"). */
  charset: string
  diagnostics: Diagnostic[]
}

export interface DecodeOptions {
  /** A charset declared by the transport or the page (Content-Type header, <meta charset>). */
  declared?: string | null
  /** Where the bytes came from, for messages. */
  source?: string
}

/**
 * chardet's confidence (0–100) above which its guess beats "UTF-8 with replacement characters". Below it,
 * guesses between single-byte Latin charsets are close to coin flips on short texts.
 */
const CHARDET_MIN_CONFIDENCE = 80

/**
 * A less confident guess is still taken when it leads the runner-up by this margin: chardet scores French
 * windows-1252 text ~75 against ~48 for windows-1250, and U+FFFD for every accent would be far worse.
 */
const CHARDET_MIN_LEAD = 20
const CHARDET_FLOOR = 50

/** How much of the start of the input the binary sniffer looks at. */
const SNIFF_BYTES = 8192

/**
 * Share of control bytes (other than tab, newlines, form feed, escape) above which the input is not text.
 * Real text has none; a few stray ones occur in pasted documents, so we allow some.
 */
const MAX_CONTROL_RATIO = 0.1

const MAGIC: readonly { name: string; bytes: readonly number[] }[] = [
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a ZIP archive (or DOCX/XLSX)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'gzip-compressed data', bytes: [0x1f, 0x8b] },
  { name: 'a WebAssembly or ELF binary', bytes: [0x7f, 0x45, 0x4c, 0x46] },
]

type Bom = { charset: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number }

function detectBom(bytes: Uint8Array): Bom | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 }
  return null
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b)
}

/**
 * Throws `IngestError('binary')` when the bytes are not text: a known file signature, a NUL byte, or many
 * control bytes near the start. UTF-16 with a BOM is text (it is full of NULs).
 *
 * @example assertNotBinary(Buffer.from('%PDF-1.7 …')) // throws: "… looks like a PDF document"
 */
export function assertNotBinary(bytes: Uint8Array, source = 'input'): void {
  const bom = detectBom(bytes)
  if (bom && bom.charset !== 'utf-8') return
  for (const magic of MAGIC) {
    if (startsWith(bytes, magic.bytes)) {
      throw new IngestError('binary', `${source} looks like ${magic.name}, not text or HTML`, { source })
    }
  }
  const n = Math.min(bytes.length, SNIFF_BYTES)
  let controls = 0
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number
    if (b === 0) {
      throw new IngestError(
        'binary',
        `${source} is binary data (NUL byte at offset ${i}), not text or HTML`,
        {
          source,
        },
      )
    }
    // Tab, LF, VT, FF, CR and ESC occur in real text files; the other C0 controls do not.
    if (b < 0x20 && (b < 0x09 || b > 0x0d) && b !== 0x1b) controls++
  }
  if (n > 0 && controls / n > MAX_CONTROL_RATIO) {
    throw new IngestError(
      'binary',
      `${source} is binary data (${controls} control bytes in the first ${n}), not text or HTML`,
      { source },
    )
  }
}

/** WHATWG maps these labels to windows-1252, whose 0x80–0x9F are the curly quotes pages really mean. */
const LATIN1_LABELS = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'us-ascii', 'ascii', 'l1'])

/** A charset label in the form iconv-lite and our output use, or null when iconv-lite cannot decode it. */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null
  const clean = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '')
  if (!clean) return null
  if (LATIN1_LABELS.has(clean)) return 'windows-1252'
  if (clean === 'utf8') return 'utf-8'
  return iconv.encodingExists(clean) ? clean : null
}

interface Utf8Scan {
  valid: boolean
  /** Well-formed multi-byte sequences: evidence the text really is UTF-8. */
  multibyte: number
  /** Ill-formed sequences, each becoming one U+FFFD. */
  invalid: number
  firstInvalid: number
}

/** Counts well-formed and ill-formed UTF-8 sequences in one linear pass (no decoding). */
function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let multibyte = 0
  let invalid = 0
  let firstInvalid = -1
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] as number
    if (b < 0x80) {
      i++
      continue
    }
    let need = 0
    let min = 0
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80]
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800]
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000]
    let cp = need === 1 ? b & 0x1f : need === 2 ? b & 0x0f : b & 0x07
    let ok = need > 0 && i + need < bytes.length
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) ok = false
      else cp = (cp << 6) | (c & 0x3f)
    }
    if (ok && cp >= min && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
      multibyte++
      i += need + 1
    } else {
      invalid++
      if (firstInvalid < 0) firstInvalid = i
      i++
    }
  }
  return { valid: invalid === 0, multibyte, invalid, firstInvalid }
}

function iconvDecode(bytes: Uint8Array, charset: string): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset)
}

const replacingUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true })

/**
 * Decodes bytes to a string. A BOM wins; then a declared charset (unless it says Latin-1 and the bytes are
 * well-formed UTF-8 with non-ASCII in them, the most common mislabel on the web); then UTF-8 when it is
 * well-formed; then chardet's guess when it is confident; then UTF-8 with U+FFFD and a warning.
 *
 * @example decodeBytes(Buffer.from([0x93, 0x48, 0x69, 0x94])).text // '“Hi”' (windows-1252, guessed)
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const source = options.source ?? 'input'
  const diagnostics: Diagnostic[] = []
  const bom = detectBom(bytes)
  if (bom) {
    const body = bytes.subarray(bom.length)
    if (bom.charset === 'utf-8') return decodeUtf8(body, source, diagnostics)
    return { text: iconvDecode(body, bom.charset), charset: bom.charset, diagnostics }
  }

  const declared = normalizeCharset(options.declared)
  if (options.declared && !declared) {
    diagnostics.push({
      stage: 'ingest',
      rule: 'charset-unknown',
      severity: 'warning',
      message: `${source} declares charset "${options.declared}", which is unknown; guessing instead`,
    })
  }
  const scan = scanUtf8(bytes)
  if (declared && declared !== 'utf-8') {
    const mislabelled = declared === 'windows-1252' && scan.valid && scan.multibyte > 0
    if (!mislabelled) return { text: iconvDecode(bytes, declared), charset: declared, diagnostics }
    diagnostics.push({
      stage: 'ingest',
      rule: 'charset-mismatch',
      severity: 'info',
      message: `${source} declares ${declared} but is well-formed UTF-8; decoded as UTF-8`,
    })
  }
  if (scan.valid) return { text: replacingUtf8.decode(bytes), charset: 'utf-8', diagnostics }

  // Ill-formed UTF-8. Legacy single-byte text almost never contains a well-formed multi-byte sequence by
  // chance, so one is enough to call it UTF-8 with a few bad bytes; otherwise chardet can name the charset.
  if (scan.multibyte === 0) {
    const [guess, runnerUp] = chardet.analyse(bytes)
    const charset = normalizeCharset(guess?.name)
    const lead = (guess?.confidence ?? 0) - (runnerUp?.confidence ?? 0)
    const sure = (guess?.confidence ?? 0) >= CHARDET_MIN_CONFIDENCE
    if (
      guess &&
      charset &&
      charset !== 'utf-8' &&
      (sure || (guess.confidence >= CHARDET_FLOOR && lead >= CHARDET_MIN_LEAD))
    ) {
      diagnostics.push({
        stage: 'ingest',
        rule: 'charset-guessed',
        severity: sure ? 'info' : 'warning',
        message: `${source} is not UTF-8; decoded as ${charset} (chardet confidence ${guess.confidence})`,
      })
      return { text: iconvDecode(bytes, charset), charset, diagnostics }
    }
  }
  return decodeUtf8(bytes, source, diagnostics, scan)
}

function decodeUtf8(bytes: Uint8Array, source: string, diagnostics: Diagnostic[], known?: Utf8Scan): Decoded {
  const scan = known ?? scanUtf8(bytes)
  if (!scan.valid) {
    diagnostics.push({
      stage: 'ingest',
      rule: 'invalid-utf8',
      severity: 'warning',
      message: `${source} has ${scan.invalid} invalid UTF-8 byte sequence(s), the first at byte ${scan.firstInvalid}; replaced by U+FFFD`,
    })
  }
  return { text: replacingUtf8.decode(bytes), charset: 'utf-8', diagnostics }
}
