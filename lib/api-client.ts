// The browser's side of the JSON API: one call shape, one error shape (lib/errors.ts).
export type FieldErrors = Record<string, string>;

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
    const fieldErrors = Object.fromEntries((error?.issues ?? []).map((issue) => [issue.path, issue.message]));
    throw new ApiError(response.status, error?.message ?? "Une erreur est survenue. Réessayez.", fieldErrors);
  }
  return data as T;
}

/** The first message of each field of a failed zod parse, for forms that validate before sending. */
export function fieldErrorsOf(issues: { path: PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) errors[issue.path.join(".")] ??= issue.message;
  return errors;
}
