/** CLI entry: parses argv and runs a command; returns the exit code (0 ok, 1 bad input, 2 usage). */
export async function runCli(_argv: string[]): Promise<number> {
  return 2
}
