/**
 * Errors the CLI turns into exit codes: 1 for bad input (the message says what and where),
 * 2 for usage mistakes. Anything else is a bug and prints its stack.
 */
export class InputError extends Error {
  readonly exitCode = 1
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}

export class UsageError extends Error {
  readonly exitCode = 2
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}
