/**
 * Writes schema/analysis.schema.json from the zod schema (the one source of truth).
 * Run: npm run schema. A test checks the committed file matches.
 */
import { writeFileSync } from 'node:fs'
import { analysisJsonSchema } from '../src/model/analysis.js'

writeFileSync(
  new URL('../schema/analysis.schema.json', import.meta.url),
  `${JSON.stringify(analysisJsonSchema(), null, 2)}\n`,
)
