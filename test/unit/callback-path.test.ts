import { describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth";
import { CALLBACK_PATH_MAX_LENGTH, safeCallbackPath } from "@/lib/schemas/user";

const SITE = "https://agora.example";

/** What a browser does with the path: it must stay on the site, whatever the path says. */
function landsOnSite(path: string) {
  return path.startsWith("/") && !path.startsWith("//") && new URL(path, SITE).origin === SITE;
}

// Each one reached (or would reach) another host through a parser's normalisation.
const HOSTILE = [
  // The bypasses: dot segments, plain or percent-encoded, collapse to "//evil.example".
  "/.//evil.example",
  "/%2e%2e//evil.example",
  "/%2E%2E//evil.example",
  "/x/..//evil.example",
  "/x/%2e%2e//evil.example/phish",
  "/././/evil.example",
  "/..//evil.example",
  "/.%2e//evil.example",
  // Browsers read a backslash as a slash, and drop tabs and newlines.
  "/\\evil.example",
  "/\\/evil.example",
  "/.\\\\evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/.\t//evil.example",
  "/\u0000/evil.example",
  // Absolute and scheme-relative URLs, and schemes without slashes.
  "//evil.example",
  "///evil.example",
  "https://evil.example/",
  "https:evil.example",
  "http:/evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  " /\t/evil.example",
  "\t//evil.example",
];

describe("safeCallbackPath", () => {
  it.each([
    ["/t/libre-ou-ouvert?sort=new#p-3", "/t/libre-ou-ouvert?sort=new#p-3"],
    ["/", "/"],
    ["/t/x/../y", "/t/y"],
    ["/a//b", "/a//b"],
    // Encoded slashes stay encoded: the browser requests a path of this site, never a host.
    ["/%2f%2fevil.example", "/%2f%2fevil.example"],
    ["/%5c%5cevil.example", "/%5c%5cevil.example"],
    // Look-alike slashes are percent-encoded by the parser, so they cannot name a host.
    ["/\u2215\u2215evil.example", "/%E2%88%95%E2%88%95evil.example"],
    ["/\uff0f\uff0fevil.example", "/%EF%BC%8F%EF%BC%8Fevil.example"],
    ["/t/ça va?q=é", "/t/%C3%A7a%20va?q=%C3%A9"],
    ["/?next=//evil.example", "/?next=//evil.example"],
    ["/#//evil.example", "/#//evil.example"],
  ])("keeps a path of this site: %j → %j", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it.each(HOSTILE)("turns %j into the fallback", (input) => {
    expect(safeCallbackPath(input)).toBe("/");
    expect(safeCallbackPath(input, "/compte")).toBe("/compte");
  });

  it("refuses nothing, empty, repeated and over-long values", () => {
    expect(safeCallbackPath(undefined)).toBe("/");
    // ?callbackUrl=/a&callbackUrl=/b: Next.js hands the page an array.
    expect(safeCallbackPath(["/t/x", "/t/y"])).toBe("/");
    expect(safeCallbackPath(null)).toBe("/");
    expect(safeCallbackPath("")).toBe("/");
    expect(safeCallbackPath(`/${"a".repeat(CALLBACK_PATH_MAX_LENGTH)}`)).toBe("/");
    expect(safeCallbackPath(`/${"./".repeat(100_000)}/evil.example`)).toBe("/");
    expect(safeCallbackPath(`/${"a".repeat(CALLBACK_PATH_MAX_LENGTH - 1)}`)).toHaveLength(CALLBACK_PATH_MAX_LENGTH);
  });

  it("always answers a path that stays on the site, and the same path again when given its own answer", () => {
    const pieces = ["/", "//", ".", "..", "%2e", "%2f", "\\", "\t", "evil.example", "?", "#", ":", "@", "%", "\u3000", "\u2215", "x"];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 5000; i += 1) {
      const input = `/${Array.from({ length: 1 + (next() % 8) }, () => pieces[next() % pieces.length]).join("")}`;
      const output = safeCallbackPath(input);
      expect(landsOnSite(output), JSON.stringify({ input, output })).toBe(true);
      expect(safeCallbackPath(output)).toBe(output);
    }
  });
});

describe("next-auth's redirect callback", () => {
  const redirect = (url: string) => authOptions.callbacks!.redirect!({ url, baseUrl: SITE });

  it("keeps a path or a URL of this site", async () => {
    expect(await redirect("/t/x?sort=new")).toBe(`${SITE}/t/x?sort=new`);
    expect(await redirect(`${SITE}/connexion?callbackUrl=%2Ft%2Fx`)).toBe(`${SITE}/connexion?callbackUrl=%2Ft%2Fx`);
  });

  it.each([...HOSTILE, `${SITE}/.//evil.example`, `${SITE}//evil.example`, "https://agora.example.evil.example/", "https://evil.example@agora.example.org/"])(
    "sends %j to the home page of this site",
    async (url) => {
      expect(await redirect(url)).toBe(`${SITE}/`);
    },
  );
});
