// Rows for integration tests, written straight to the test database.
import { createPrismaClient } from "@/lib/prisma-client";

let sequence = 0;

export async function createThreadRow(overrides: { isLocked?: boolean; hiddenAt?: Date } = {}) {
  const db = createPrismaClient(process.env.DATABASE_URL!);
  try {
    sequence += 1;
    return await db.thread.create({
      data: { slug: `fil-de-test-${process.pid}-${sequence}`, title: `Une question de test ${sequence}`, body: "Le contexte.", bodyHtml: "<p>Le contexte.</p>", ...overrides },
    });
  } finally {
    await db.$disconnect();
  }
}

/** A position question with its positions (by default three, « Pour », « Contre », « Mitigé »), in their order. */
export async function createPositionQuestion(labels = ["Pour", "Contre", "Mitigé"]) {
  const db = createPrismaClient(process.env.DATABASE_URL!);
  try {
    sequence += 1;
    return await db.thread.create({
      data: {
        slug: `question-de-test-${process.pid}-${sequence}`,
        title: `Une prise de position de test ${sequence}`,
        body: "Le contexte.",
        bodyHtml: "<p>Le contexte.</p>",
        kind: "POSITION",
        positions: { create: labels.map((label, ord) => ({ ord, label, colour: (["BLUE", "ORANGE", "BLUISH_GREEN", "REDDISH_PURPLE"] as const)[ord] })) },
      },
      include: { positions: { orderBy: { ord: "asc" } } },
    });
  } finally {
    await db.$disconnect();
  }
}
