// The browser's side of the JSON API: one call shape, one error shape (lib/errors.ts).
import { type FieldErrors, fieldErrorsOf } from "./form-state";

export { type FieldErrors, fieldErrorsOf };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: FieldErrors,
  ) {
    super(message);
  }
}

type ErrorBody = { error?: { message?: string; issues?: { path: string; message: string }[] } };

export async function sendJson<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = (data as ErrorBody).error;
    const fieldErrors = fieldErrorsOf(error?.issues ?? []);
    throw new ApiError(response.status, error?.message ?? "Une erreur est survenue. Réessayez.", fieldErrors);
  }
  return data as T;
}
