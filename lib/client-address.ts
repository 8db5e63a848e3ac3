// The client's address, for the per-address rate limits: who is asking, as far as the server
// can know it without being fooled by headers the client writes itself.

type RequestHeaders = Headers | Record<string, string | string[] | undefined>;

function headerValue(headers: RequestHeaders, name: string) {
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  return Array.isArray(value) ? value.join(",") : (value ?? "");
}

/** How many reverse proxies in front of the server append to X-Forwarded-For (0 unless set). */
function trustedProxyHops() {
  const hops = Number(process.env.TRUSTED_PROXIES ?? 0);
  return Number.isInteger(hops) && hops > 0 ? hops : 0;
}

/**
 * The subject of the per-address limits: an IPv4 address (IPv4-mapped IPv6 included), or the
 * /64 prefix of an IPv6 one, since a single subscriber is given a whole /64 to pick from.
 */
export function addressSubject(address: string) {
  const ipv4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (ipv4) return ipv4[1];
  const [head, tail, ...rest] = address.replace(/%.*$/, "").toLowerCase().split("::");
  const groups = (part: string | undefined) => (part ? part.split(":") : []);
  const [left, right] = [groups(head), groups(tail)];
  const missing = 8 - left.length - right.length;
  const expanded = tail === undefined ? left : [...left, ...Array(Math.max(missing, 0)).fill("0"), ...right];
  if (rest.length || expanded.length !== 8 || !expanded.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return address;
  return `${expanded.slice(0, 4).map((group) => parseInt(group, 16).toString(16)).join(":")}::/64`;
}

let hasWarnedOfNoPeerAddress = false;

/**
 * The client's address, for the per-address limits. The socket's address comes from the preload
 * scripts/client-address.cjs (the header it names replaces any the client sent). X-Forwarded-For
 * is written by the client itself unless a proxy is in front, so it is read only with
 * TRUSTED_PROXIES=N: the client is then the entry N places left of the socket's peer. Without the
 * preload and without proxies, every client shares one address: limits get stricter, never dodged.
 */
export function clientIp(headers: RequestHeaders) {
  const peerHeader = (globalThis as Record<symbol, unknown>)[Symbol.for("agora.peerAddressHeader")];
  const peer = typeof peerHeader === "string" ? headerValue(headers, peerHeader) : "";
  const hops = trustedProxyHops();
  if (!peer && !hops && !hasWarnedOfNoPeerAddress) {
    hasWarnedOfNoPeerAddress = true;
    console.warn("[auth] no socket address (scripts/client-address.cjs not preloaded): per-address limits are shared by every client");
  }
  const forwarded = hops ? headerValue(headers, "x-forwarded-for").split(",").map((part) => part.trim()).filter(Boolean) : [];
  const chain = [...forwarded, peer || "unknown"];
  // Fewer entries than proxies: the request skipped them, so the leftmost is the nearest truth.
  return addressSubject(chain.at(-1 - hops) ?? chain[0]);
}
