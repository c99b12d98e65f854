/** Exit codes of every command (DESIGN §6). */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/**
 * A refusal by the CLI itself, before or instead of asking the server: a bad argument (exit 2) or a local
 * failure such as a missing folder (exit 1). Printed like the API's errors, as `error CODE: message`.
 */
export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: number = EXIT.failed,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** A malformed argument the parser could not catch: exit 2, as commander's own errors. */
export function usageError(message: string, details?: Record<string, unknown>): CliError {
  return new CliError('USAGE', message, EXIT.usage, details);
}
