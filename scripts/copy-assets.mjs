// Copies the non-TypeScript files the compiled code reads at run time (SQL migrations, the web UI's
// static files) from src/ into dist/, after tsc. Run by `npm run build` and `prepare`.
import { cpSync, existsSync } from 'node:fs'

for (const dir of ['store/migrations', 'web/static']) {
  if (existsSync(`src/${dir}`)) cpSync(`src/${dir}`, `dist/${dir}`, { recursive: true })
}
