// GET /api/threads — the threads, pinned first, a keyset page at a time.
// POST /api/threads — a member proposes a question of their own: {"title","body"} → 201.
import { route } from "@/lib/http";
import { createThreadSchema } from "@/lib/schemas/post";
import { listThreadsQuery } from "@/lib/schemas/thread";
import { createThread, listThreads } from "@/lib/threads";

export const GET = route({ query: listThreadsQuery }, ({ query }) => listThreads(query));

export const POST = route({ auth: "user", body: createThreadSchema, status: 201 }, ({ actor, body }) =>
  createThread(actor, body),
);
