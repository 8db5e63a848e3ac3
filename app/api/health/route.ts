// GET /api/health — is the app up and its database reachable (503 when not)?
import { checkHealth } from "@/lib/health";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = route({}, () => checkHealth());
