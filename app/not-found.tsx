import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Page introuvable</h1>
      <p>Cette page n’existe pas, ou plus. Le débat continue ailleurs :</p>
      <p>
        <Link href="/" className="font-medium text-blue-700 underline dark:text-blue-300">
          Revenir aux questions
        </Link>
      </p>
    </div>
  );
}
