import { ListLink } from "./ui/list-link";

type Option = { value: string; label: string };

/** A row of links that set one query parameter; the current choice is marked for every reader. */
export function SortLinks({ label, options, current, hrefFor }: { label: string; options: Option[]; current: string; hrefFor: (value: string) => string }) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-600 dark:text-slate-400">{label} :</span>
      {options.map((option) => (
        <ListLink
          key={option.value}
          href={hrefFor(option.value)}
          aria-current={option.value === current ? "page" : undefined}
          className="rounded-full border border-slate-300 px-3 py-1 hover:bg-slate-100 aria-[current=page]:border-blue-700 aria-[current=page]:bg-blue-700 aria-[current=page]:text-white dark:border-slate-600 dark:hover:bg-slate-800"
        >
          {option.label}
        </ListLink>
      ))}
    </nav>
  );
}
