import Link from "next/link";
import { NNBSP } from "@/lib/typography";

export default function ThreadNotFound() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Fil de discussion introuvable</h1>
      <p>
        Aucune question ne porte cette adresse{NNBSP}: elle a peut-être été mal recopiée, ou masquée par la modération.
      </p>
      <p>
        <Link href="/" className="font-medium text-blue-700 underline dark:text-blue-300">
          Voir toutes les questions
        </Link>
      </p>
    </div>
  );
}
