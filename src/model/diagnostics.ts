import { z } from 'zod'

/** A content problem found while analysing (unbalanced quote, unparseable date, empty page). Never thrown. */
export const DiagnosticSchema = z.object({
  stage: z.string(),
  rule: z.string(),
  severity: z.enum(['info', 'warning', 'error']),
  message: z.string(),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
})
export type Diagnostic = z.infer<typeof DiagnosticSchema>
