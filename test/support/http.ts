// Calls a route handler the way Next.js does: a web Request and a context whose params is a Promise.
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export const ORIGIN = "http://localhost:3000";

type CallOptions = {
  method?: string;
  params?: Record<string, string>;
  json?: unknown;
  body?: string;
  headers?: Record<string, string>;
};

export async function call(handler: Handler, path: string, options: CallOptions = {}) {
  const headers = new Headers({ host: "localhost:3000", ...options.headers });
  if (options.json !== undefined) headers.set("content-type", "application/json");
  const request = new Request(`${ORIGIN}${path}`, {
    method: options.method ?? "GET",
    headers,
    body: options.json !== undefined ? JSON.stringify(options.json) : options.body,
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const body = response.status === 204 ? null : await response.json();
  return { status: response.status, headers: response.headers, body };
}
