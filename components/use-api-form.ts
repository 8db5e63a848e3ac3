"use client";

import { useState } from "react";
import type { z } from "zod";
import { ApiError, type FieldErrors, fieldErrorsOf } from "@/lib/api-client";

/**
 * A form that validates with the server's own zod schema before sending, then shows the
 * server's refusal (its message, and its issues next to their fields). `send` gets the parsed
 * values; the form stays pending after success, since success navigates away.
 */
export function useApiForm<S extends z.ZodType>(schema: S, send: (values: z.infer<S>) => Promise<void>) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = schema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    setMessage(null);
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error.issues));
      return;
    }
    setErrors({});
    setIsPending(true);
    try {
      await send(parsed.data);
    } catch (error) {
      setIsPending(false);
      setErrors(error instanceof ApiError ? error.fieldErrors : {});
      setMessage(error instanceof ApiError ? error.message : "Le serveur ne répond pas. Réessayez.");
    }
  }

  return { errors, message, isPending, onSubmit };
}
