// GET /api/users/{id}/positions — where a member stands on each question, and how they came to: public, as their profile.
import { route } from "@/lib/http";
import { requireMemberPositions } from "@/lib/member-positions";
import { userIdParams } from "@/lib/schemas/user";

export const GET = route({ params: userIdParams }, ({ params }) => requireMemberPositions(params.id));
