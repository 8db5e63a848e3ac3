/**
 * What a page says after a form's redirect (`?notice=<code>`). Only these codes are shown: a link
 * cannot make the site say anything else.
 */
export const NOTICES = {
  post_published: "Votre contribution est publiée.",
  reply_published: "Votre réponse est publiée.",
  post_edited: "Votre contribution est modifiée.",
  post_deleted: "Votre contribution est supprimée.",
  vote_saved: "Votre vote est enregistré.",
  vote_withdrawn: "Votre vote est retiré.",
  stance_saved: "Votre position est enregistrée.",
  mind_change_credited: "Votre position est enregistrée, avec les messages qui vous ont fait changer d’avis.",
  stance_withdrawn: "Votre position est retirée.",
  report_sent: "Merci : la modération va examiner votre signalement.",
  thread_published: "Votre question est publiée.",
  signed_in: "Vous êtes connecté.",
  signed_up: "Bienvenue ! Votre compte est créé et vous êtes connecté.",
  signed_out: "Vous êtes déconnecté.",
  signed_out_everywhere: "Vous êtes déconnecté de tous vos appareils, celui-ci compris.",
  password_changed: "Mot de passe modifié : vos autres sessions ont été fermées.",
  role_changed: "Le rôle est enregistré.",
  user_suspended: "Le membre est suspendu : ses sessions sont fermées.",
  user_unsuspended: "La suspension est levée.",
  content_hidden: "C’est masqué, et les signalements sont clos.",
  reports_dismissed: "Les signalements sont rejetés.",
  thread_locked: "Le fil est verrouillé : plus personne n’y répond.",
  thread_unlocked: "Le fil est déverrouillé : les membres peuvent y répondre.",
  thread_pinned: "Le fil est épinglé en tête de la liste.",
  thread_unpinned: "Le fil n’est plus épinglé.",
  thread_renamed: "Le fil est renommé.",
  thread_hidden: "Le fil est masqué : les lecteurs ne le voient plus.",
  thread_restored: "Le fil est rétabli : les lecteurs le voient de nouveau.",
  post_hidden: "La contribution est masquée : les lecteurs n’en voient plus le texte.",
  post_restored: "La contribution est rétablie.",
  credit_voided: "Le crédit est annulé : il ne compte plus pour ce message.",
  credit_restored: "Le crédit est rétabli : il compte de nouveau pour ce message.",
  thread_closed: "La question est close : ses votes et ses positions sont désormais définitifs.",
  thread_reopened: "La question est rouverte : les membres peuvent de nouveau y participer.",
  summary_written: "La synthèse de clôture est enregistrée.",
} as const;

export type NoticeCode = keyof typeof NOTICES;
