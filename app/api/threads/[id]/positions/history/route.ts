// GET /api/threads/{id}/positions/history?granularity=day|week — a position question's tally at the
//   end of each day or week since its first stance: {"granularity","positions","points":[{"start","counts"}]}.
import { route } from "@/lib/http";
import { getPositionHistory } from "@/lib/position-history";
import { positionHistoryQuery, threadIdParams } from "@/lib/schemas/thread";

export const GET = route({ params: threadIdParams, query: positionHistoryQuery }, ({ actor, params, query }) =>
  getPositionHistory(actor, params.id, query),
);
