// TRACE never reaches a route, nor proxy.ts: Next.js builds a web Request for each request, and
// the fetch standard forbids that method (undici throws "'TRACE' HTTP method is unsupported"),
// which Next.js answers with a bare 500. The Node server is the only layer that sees it, so it is
// answered there, before Next.js. (The other forbidden ones never become a request event: Node's
// parser answers TRACK with a 400, CONNECT is a "connect" event.)
import http from "node:http";
import { AppError, errorResponse } from "./errors";
import { API_METHODS } from "./request-guard";

const ALLOWED = API_METHODS.join(", ");

export function refuseTrace() {
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
    if (event !== "request" || request.method !== "TRACE") return Reflect.apply(emit, this, [event, ...args]);
    const error = new AppError("method_not_allowed", `Méthode ${request.method} non prise en charge : utilisez ${ALLOWED}.`, { headers: { Allow: ALLOWED } });
    void errorResponse(error)
      .text()
      .then((body) => {
        response.writeHead(error.status, { "content-type": "application/json", allow: ALLOWED, "x-content-type-options": "nosniff" });
        response.end(body);
      });
    return true;
  } as typeof emit;
}
