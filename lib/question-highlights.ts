// What a question's page and its synthesis show above the debate: « Les arguments »
// (lib/arguments.ts) and « Points d'accord » (lib/consensus.ts), read in ONE statement, each part
// a JSON array of its own query's rows: the thread page stays within its three statements (the
// question, its page of conversations, this), as the bench asserts.
import "server-only";
import { type ArgumentGroup, type ArgumentRow, ARGUMENTS_PER_GROUP, type ArgumentsQuestion, argumentGroupsFrom, bestArgumentsQuery } from "./arguments";
import { AGREEMENT_POINTS_SHOWN, type AgreementPoint, type AgreementRow, agreementPointsFrom, agreementPointsQuery, mayHaveAgreementPoints } from "./consensus";
import { db } from "./db";
import { Prisma } from "./generated/prisma/client";
import type { Position } from "./positions";

export type QuestionHighlights = { arguments: ArgumentGroup[]; agreementPoints: AgreementPoint[] };

type HighlightsQuestion = ArgumentsQuestion & { positions: Pick<Position, "id" | "label" | "colour" | "stanceCount">[] };

const NOTHING = Prisma.sql`SELECT WHERE false`;

/** A question's « Les arguments » (`perGroup` posts a group) and « Points d'accord », for a caller that checked it is visible. */
export async function listQuestionHighlights(question: HighlightsQuestion, perGroup = ARGUMENTS_PER_GROUP): Promise<QuestionHighlights> {
  const agreement = mayHaveAgreementPoints(question) ? agreementPointsQuery(question.id, AGREEMENT_POINTS_SHOWN) : NOTHING;
  const [row] = await db.$queryRaw<{ arguments: ArgumentRow[]; agreement: AgreementRow[] }[]>`
    SELECT (SELECT coalesce(json_agg(a), '[]') FROM (${bestArgumentsQuery(question, perGroup)}) a) AS arguments,
      (SELECT coalesce(json_agg(c), '[]') FROM (${agreement}) c) AS agreement`;
  return { arguments: argumentGroupsFrom(question, row.arguments), agreementPoints: agreementPointsFrom(question, row.agreement) };
}
