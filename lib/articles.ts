import "server-only";
import { db } from "./db";

/** The article the forum debates (the seed writes exactly one). */
export async function getArticle() {
  return db.article.findFirst({ orderBy: { id: "asc" } });
}
