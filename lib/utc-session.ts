// What every connection of the app and its scripts sets at connection time (no import: the
// migration runner loads it before any Prisma client exists).

/**
 * Times are UTC wall-clock in "timestamp(3)" columns, as Prisma reads them: the database's own
 * stamps (defaults, triggers' clock_timestamp(), migrations' backfills) are too only in a UTC
 * session, whatever the server's or the role's default zone. An `options` in the URL itself wins.
 */
export const UTC_SESSION_OPTIONS = "-c TimeZone=UTC";
