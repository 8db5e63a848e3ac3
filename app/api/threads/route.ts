// GET /api/threads — the threads, pinned first, a keyset page at a time.
import { route } from "@/lib/http";
import { listThreadsQuery } from "@/lib/schemas/thread";
import { listThreads } from "@/lib/threads";

export const GET = route({ query: listThreadsQuery }, ({ query }) => listThreads(query));
