import type { ErrorCode } from '../errors.js';

/** Every refusal on the wire: `{ error: { code, message, details? } }` (DESIGN §5). */
export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}
