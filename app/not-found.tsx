import type { Metadata } from "next";
import Link from "next/link";
import { NNBSP } from "@/lib/typography";

// Next.js adds robots noindex to a 404 by itself.
export const metadata: Metadata = { title: "Page introuvable" };

export default function NotFound() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Page introuvable</h1>
      <p>Cette page n’existe pas, ou plus. Le débat continue ailleurs{NNBSP}:</p>
      <p>
        <Link href="/" className="font-medium text-blue-700 underline dark:text-blue-300">
          Revenir aux questions
        </Link>
      </p>
    </div>
  );
}
