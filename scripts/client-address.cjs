// Preloaded into `next start` and `next dev` (NODE_OPTIONS --require, set by scripts/app-env.ts).
// Next.js gives route handlers no access to the socket, and passes on an X-Forwarded-For that the
// client wrote itself when no proxy is in front: the per-address limits need the real peer. So,
// before Next.js sees a request, its socket's address goes into a header of our own, replacing
// any value the client sent. clientIp() (lib/client-address.ts) trusts that header only when this module
// announced it through the global below: without the preload, the header is the client's.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a --require preload is CommonJS
const diagnosticsChannel = require("node:diagnostics_channel");

const PEER_ADDRESS_HEADER = "x-agora-peer-address";

// Published by Node's HTTP server for every request, before its 'request' event.
diagnosticsChannel.subscribe("http.server.request.start", ({ request, socket }) => {
  request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress ?? "unknown";
});

globalThis[Symbol.for("agora.peerAddressHeader")] = PEER_ADDRESS_HEADER;
