import type { ErrorCode } from '@minirelease/core';

/** Codes the client gives itself when the server's own error body is not available. */
export const CLIENT_ERROR_CODES = ['UNREACHABLE', 'BAD_RESPONSE'] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

/** A server code (DESIGN §5) or one of the client's own. */
export type ApiErrorCode = ErrorCode | ClientErrorCode;

/**
 * A refusal by the API, with the status and the `{ error: { code, message, details } }` it answered; or a
 * failure to talk to it at all: `UNREACHABLE` with status 0 when no answer came (refused connection, DNS,
 * TLS, CORS), `BAD_RESPONSE` when the answer is not the JSON the API speaks (say, a proxy's HTML page).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The error in the API's own shape, so a CLI or a proxy can pass it on unchanged. */
  toJSON(): { error: { code: ApiErrorCode; message: string; details?: Record<string, unknown> } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** Reads an error answer; anything not in the API's error shape becomes `BAD_RESPONSE` with the status. */
export function errorFromResponse(status: number, statusText: string, text: string): ApiError {
  const body = tryParse(text) as
    | { error?: { code?: unknown; message?: unknown; details?: unknown } }
    | undefined;
  const error = body?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    const details = isRecord(error.details) ? error.details : undefined;
    return new ApiError(status, error.code as ApiErrorCode, error.message, details);
  }
  return new ApiError(status, 'BAD_RESPONSE', `HTTP ${status} ${statusText}`.trim(), {
    body: text.slice(0, 200),
  });
}

export function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
