"use client";
// A page that failed on the server: a 503-style notice when the database is down, else a generic one.
import { ErrorNotice } from "@/components/error-notice";

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorNotice digest={error.digest} retry={reset} />;
}
