// French formatting of what pages show. Dates are shown in Paris time: the article and its
// readers are French, and a server's own time zone would make the page depend on the machine.
import { formatCount } from "./numbers";

const dateTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Paris" });
const dateOnly = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

export const formatDateTime = (date: Date) => dateTime.format(date);
export const formatDate = (date: Date) => dateOnly.format(date);

// A calendar day ("2026-11-03", a period of a chart as the database truncates it, in UTC) is no
// instant: it is written as it is, whatever the time zone.
const calendarDay = new Intl.DateTimeFormat("fr-FR", { dateStyle: "medium", timeZone: "UTC" });
const calendarDayWithoutYear = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "short", timeZone: "UTC" });

/** "3 nov. 2026", or "3 nov." */
export const formatCalendarDay = (isoDate: string, withYear = true) => (withYear ? calendarDay : calendarDayWithoutYear).format(new Date(isoDate));

/** "0 opinion", "1 opinion", "2 opinions" (French counts 0 and 1 as singular). */
export function countLabel(count: number, singular: string, plural: string) {
  return `${formatCount(count)} ${count <= 1 ? singular : plural}`;
}
