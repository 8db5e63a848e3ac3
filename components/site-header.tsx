import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-xl font-bold tracking-tight text-slate-900 dark:text-white">
          Agora
        </Link>
        <nav aria-label="Navigation principale">
          <ul className="flex gap-4 text-sm font-medium">
            <li>
              <Link href="/" className="text-slate-700 hover:underline dark:text-slate-200">
                Questions
              </Link>
            </li>
            <li>
              <Link href="/article" className="text-slate-700 hover:underline dark:text-slate-200">
                L’article
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
