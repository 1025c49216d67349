/** The one error class of the server: a stable code from the message table, plus details for the client. */
import { errorMessages, type ErrorCode } from './messages';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, details?: unknown, message?: string) {
    super(message ?? errorMessages[code].message);
    this.name = 'AppError';
    this.code = code;
    this.status = errorMessages[code].status;
    this.details = details;
  }

  /** The JSON body the API answers with. */
  toJSON(): { error: { code: string; message: string; details?: unknown } } {
    return { error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) } };
  }
}
