// An open question's facets (the themes its arguments are grouped by), as every part of the site
// shows them; no server code, so that the composer (a client component) shares the type.

/** A facet an open question offers: « Risques », with perhaps a line saying what it covers. */
export type Facet = { id: number; label: string; description: string | null };

/** A facet as a post's badge names it. */
export type FacetRef = Pick<Facet, "id" | "label">;

/** The facets of a question, in their order, as Prisma selects them under a thread. */
export const facetsSelect = {
  select: { id: true, label: true, description: true },
  orderBy: { ord: "asc" },
} as const;
