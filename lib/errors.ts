// One error type for the whole app and one JSON shape for every failure:
// {"error":{"code","message","issues?"}}. Domain code throws AppError; lib/http.ts answers it.
import { z } from "zod";

const STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  unsupported_media_type: 415,
  invalid_input: 400,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { issues?: unknown; headers?: Record<string, string> },
  ) {
    super(message);
  }

  get status() {
    return STATUS[this.code];
  }
}

/** The issues of a ZodError, in the flat shape clients can show next to each field. */
export function zodIssues(error: z.ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

export function errorResponse(error: AppError): Response {
  const body = { error: { code: error.code, message: error.message, ...pickIssues(error) } };
  return Response.json(body, { status: error.status, headers: error.details?.headers });
}

function pickIssues(error: AppError) {
  return error.details?.issues ? { issues: error.details.issues } : {};
}
