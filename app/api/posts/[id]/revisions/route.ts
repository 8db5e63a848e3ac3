// GET /api/posts/{id}/revisions — a post's edit history, newest first.
import { route } from "@/lib/http";
import { listRevisions } from "@/lib/posts";
import { postIdParams } from "@/lib/schemas/post";

export const GET = route({ params: postIdParams }, ({ actor, params }) => listRevisions(actor, params.id));
