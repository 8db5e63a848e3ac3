// Counts as the interface writes them, in the browser as on the server. Not Intl: on a phone the
// first "fr-FR" formatter loads its locale data, tens of milliseconds of the thread page's start.

/** An integer as French writes it: thousands grouped by a narrow no-break space (1 234 567), as `toLocaleString("fr-FR")`. */
export function formatCount(value: number) {
  const digits = String(Math.abs(Math.trunc(value))).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  return value < 0 ? `-${digits}` : digits;
}
