/**
 * Coded errors for programmer and configuration mistakes (spaCy's E### lesson). Content problems are
 * never thrown: they become diagnostics. Every code is listed here, once.
 */
export const ERRORS = {
  CT0101: 'unknown stage "{name}"; known stages: {known}',
  CT0102: 'stage "{stage}" requires layer "{layer}", provided by: {providers}',
  CT0103: 'layer "{layer}" is provided by both "{first}" and "{second}"',
  CT0104: 'bad options for stage "{stage}": {issues}',
  CT0105: 'stage "{stage}" returned invalid layer "{layer}": {issues}',
  CT0106: 'stage "{stage}" updates layer "{layer}", which no earlier stage provides',
  CT0107: 'stages [{from}, {to}) cannot run on a document that has been through {next} stage(s) of {count}',
  CT0201:
    'model file {path} is missing or unreadable; reinstall claimtrail or run `claimtrail train {model}`',
  CT0301: 'layer "{layer}" has not been produced yet',
  CT0401: 'data folder {path} is missing: evaluation and training read the public data in ../shared/data',
} as const
export type ErrorCode = keyof typeof ERRORS

/** An error with a stable code, for mistakes in code or configuration (never for content). */
export class ClaimtrailError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, params: Record<string, string | number> = {}) {
    const message = ERRORS[code].replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`))
    super(`${code}: ${message}`)
    this.code = code
    this.name = 'ClaimtrailError'
  }
}
