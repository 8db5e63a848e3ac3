/**
 * What a page says after a form's redirect (`?notice=<code>`). Only these codes are shown: a link
 * cannot make the site say anything else.
 */
export const NOTICES = {
  post_published: "Votre contribution est publiée.",
  reply_published: "Votre réponse est publiée.",
  post_edited: "Votre contribution est modifiée.",
  post_deleted: "Votre contribution est supprimée.",
  thread_published: "Votre question est publiée.",
  role_changed: "Le rôle est enregistré.",
  user_suspended: "Le membre est suspendu : ses sessions sont fermées.",
  user_unsuspended: "La suspension est levée.",
  content_hidden: "C’est masqué, et les signalements sont clos.",
  reports_dismissed: "Les signalements sont rejetés.",
} as const;

export type NoticeCode = keyof typeof NOTICES;
