// The app's write routes (votes, stances, posts) behind a bare Node HTTP server, for tests that
// must kill a server mid-write: the real route handlers and domain functions, without a build.
// Run with --conditions=react-server on DATABASE_URL, AUTH_SECRET, PORT; prints "ready".
import http from "node:http";
import * as postVote from "@/app/api/posts/[id]/vote/route";
import * as threadPosts from "@/app/api/threads/[id]/posts/route";
import * as threadStance from "@/app/api/threads/[id]/stance/route";
import * as threadVote from "@/app/api/threads/[id]/vote/route";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const ROUTES: { pattern: RegExp; handlers: Record<string, unknown> }[] = [
  { pattern: /^\/api\/posts\/(\d+)\/vote$/, handlers: postVote },
  { pattern: /^\/api\/threads\/(\d+)\/posts$/, handlers: threadPosts },
  { pattern: /^\/api\/threads\/(\d+)\/stance$/, handlers: threadStance },
  { pattern: /^\/api\/threads\/(\d+)\/vote$/, handlers: threadVote },
];

async function readBody(request: http.IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const server = http.createServer(async (incoming, outgoing) => {
  const url = new URL(incoming.url!, `http://${incoming.headers.host}`);
  const match = ROUTES.map((route) => ({ route, id: url.pathname.match(route.pattern)?.[1] })).find((m) => m.id);
  const handler = match?.route.handlers[incoming.method!] as Handler | undefined;
  if (!match || !handler) {
    outgoing.writeHead(404).end();
    return;
  }
  const body = await readBody(incoming);
  const headers = new Headers(Object.entries(incoming.headers).flatMap(([name, value]) => (typeof value === "string" ? [[name, value] as [string, string]] : [])));
  const request = new Request(url, { method: incoming.method, headers, body: body.length ? body : undefined });
  const response = await handler(request, { params: Promise.resolve({ id: match.id! }) });
  outgoing.writeHead(response.status, { "content-type": "application/json" }).end(Buffer.from(await response.arrayBuffer()));
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
