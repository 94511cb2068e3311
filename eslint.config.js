// ESLint flat config: typescript-eslint for types, eslint-plugin-regexp to catch catastrophic
// backtracking (STYLE §5g: we rely on the linter, not timing tests, for regex safety).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import regexp from 'eslint-plugin-regexp'

export default tseslint.config(
  { ignores: ['dist/', 'dist-bench/', 'node_modules/', 'coverage/', 'src/web/static/', '.tmp/', '.*.mjs', '.*.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  regexp.configs['flat/recommended'],
  {
    // Plain JS entry points (bin/, bench/) run on Node: its globals are defined there.
    files: ['**/*.mjs', '**/*.js', 'bin/claimtrail'],
    languageOptions: {
      globals: {
        process: 'readonly',
        Buffer: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        performance: 'readonly',
      },
    },
  },
  {
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
)
