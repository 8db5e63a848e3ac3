import Link from "next/link";

const LINK = "inline-block py-1 text-slate-700 underline-offset-2 hover:underline dark:text-slate-300";

/** The foot of every page (not printed): what Agora is, its rules, and the public record of its moderation. */
export function SiteFooter() {
  return (
    <footer className="border-t border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900 print:hidden">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-5 text-sm text-slate-600 dark:text-slate-400">
        <p>Agora — un lieu pour débattre, argument contre argument.</p>
        <nav aria-label="Pied de page">
          <ul className="flex flex-wrap gap-x-5">
            <li>
              <Link href="/a-propos" className={LINK}>
                À propos et règles du débat
              </Link>
            </li>
            <li>
              <Link href="/moderation/journal" className={LINK}>
                Journal de la modération
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
