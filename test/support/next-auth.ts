// Drives next-auth's own handler (the code behind /api/auth/*) with the app's options, as a browser
// would: a cookie jar, the CSRF token, form posts. The App Router route reads next/headers, which
// needs a Next.js request scope, so this calls the same handler through next-auth's Node.js entry
// (the one the Pages Router uses), which runs the same core with the same request fields.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";
import { ORIGIN } from "./http";

type Jar = Map<string, string>;
type Reply = { status: number; body: unknown };

async function handle(jar: Jar, segments: string[], method = "GET", body?: Record<string, string>): Promise<Reply> {
  const headers = new Map<string, string[]>();
  const reply: Reply = { status: 200, body: undefined };
  const res = {
    status(code: number) {
      reply.status = code;
      return res;
    },
    setHeader: (name: string, value: string | string[]) => headers.set(name.toLowerCase(), [value].flat()),
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    json: (value: unknown) => void (reply.body = value),
    send: (value: unknown) => void (reply.body = value),
    end: () => {},
  };
  const req = {
    method,
    body,
    query: { nextauth: segments },
    cookies: Object.fromEntries(jar),
    headers: { host: new URL(ORIGIN).host, "content-type": "application/x-www-form-urlencoded" },
  };
  await (NextAuth as unknown as (req: unknown, res: unknown, options: typeof authOptions) => Promise<void>)(req, res, authOptions);
  for (const setCookie of headers.get("set-cookie") ?? []) {
    const [pair, ...attributes] = setCookie.split(";");
    const [name, value] = [pair.slice(0, pair.indexOf("=")), decodeURIComponent(pair.slice(pair.indexOf("=") + 1))];
    if (!value || attributes.some((attribute) => /^\s*max-age=0$/i.test(attribute))) jar.delete(name);
    else jar.set(name, value);
  }
  return reply;
}

/**
 * A browser of its own, holding these cookies to begin with: signs in and out with next-auth's
 * requests (next-auth/react's signIn and signOut), reads the session as its useSession would.
 */
export function nextAuthBrowser(cookies: Record<string, string> = {}) {
  const jar: Jar = new Map(Object.entries(cookies));
  const csrfToken = async () => ((await handle(jar, ["csrf"])).body as { csrfToken: string }).csrfToken;
  return {
    /** The cookies as this browser holds them now (what someone who copied them would send). */
    cookie: () => [...jar].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join("; "),
    /** The session cookie's JWT, as next-auth set it. */
    sessionToken: () => jar.get("next-auth.session-token"),
    /** Answers `{ url }`, with `?error=<code>` in it when the sign-in is refused. */
    async signIn(email: string, password: string) {
      const reply = await handle(jar, ["callback", "credentials"], "POST", { csrfToken: await csrfToken(), email, password, json: "true" });
      return reply.body as { url: string };
    },
    /** GET /api/auth/session: the session next-auth's own endpoint reads from the cookie. */
    async session() {
      return (await handle(jar, ["session"])).body;
    },
    async signOut() {
      return handle(jar, ["signout"], "POST", { csrfToken: await csrfToken(), json: "true" });
    },
  };
}
