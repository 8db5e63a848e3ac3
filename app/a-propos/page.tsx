import type { Metadata } from "next";
import Link from "next/link";
import { NNBSP } from "@/lib/typography";

export const metadata: Metadata = {
  title: "À propos et règles du débat",
  description: "Ce qu’est Agora, les règles du débat et ce que fait la modération.",
  alternates: { canonical: "/a-propos" },
};

const LINK = "font-medium text-blue-700 underline dark:text-blue-300";

const RULES: { title: string; text: string }[] = [
  { title: "Le respect", text: `On débat avec des personnes${NNBSP}: pas d’insulte, de moquerie, de menace ni de propos haineux, même quand le désaccord est vif.` },
  { title: "Des arguments, pas des personnes", text: "Critiquez une idée, un raisonnement ou une source, jamais celle ou celui qui les avance." },
  { title: "Des sources", text: `Un fait s’appuie sur une source que chacun peut vérifier (un lien, une référence)${NNBSP}; une opinion se présente comme telle.` },
  { title: "Pas de spam", text: `Ni publicité, ni message répété, ni lien sans rapport avec la question${NNBSP}; restez dans le sujet du fil.` },
];

export default function AboutPage() {
  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold">À propos d’Agora</h1>
        <p className="text-lg text-slate-700 dark:text-slate-300">
          Agora est un forum pour débattre des questions d’un article,{" "}
          <Link href="/article" className={LINK}>
            «{NNBSP}Évolution du concept d’open source{NNBSP}»
          </Link>
          {NNBSP}: le modèle Llama 2 de Meta est-il vraiment open source{NNBSP}? Chaque question de l’article a son fil, où
          chacun donne son avis, répond aux autres, vote pour les contributions qui font avancer le débat et, sur les questions
          fermées, dit s’il est d’accord. Les membres peuvent aussi proposer leurs propres questions.
        </p>
      </header>

      <section aria-labelledby="rules-title" className="space-y-4">
        <h2 id="rules-title" className="text-xl font-bold">
          Les règles du débat
        </h2>
        <p>En participant, vous vous engagez à suivre ces règles, pour que chacun puisse défendre son avis sereinement.</p>
        <ol className="list-decimal space-y-3 ps-6">
          {RULES.map((rule) => (
            <li key={rule.title}>
              <strong>{rule.title}.</strong> {rule.text}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="moderation-title" className="space-y-4">
        <h2 id="moderation-title" className="text-xl font-bold">
          Ce que fait la modération
        </h2>
        <p>
          Chaque membre peut signaler une contribution ou un fil qui enfreint ces règles (bouton «{NNBSP}Signaler{NNBSP}»). Les
          modératrices et modérateurs examinent les signalements{NNBSP}: ils peuvent masquer une contribution ou un fil, verrouiller
          ou renommer un fil, et suspendre un compte qui ne respecte pas les règles. Quand trois membres établis signalent la même
          contribution, elle est masquée en attendant leur examen.
        </p>
        <p>
          Rien n’est effacé{NNBSP}: un texte masqué reste visible de son auteur, avec la raison du masquage. Et chaque action de
          la modération est publique, avec sa date et sa cible, dans le{" "}
          <Link href="/moderation/journal" className={LINK}>
            journal de la modération
          </Link>
          , sans le nom de qui l’a faite ni de qui a signalé.
        </p>
      </section>
    </article>
  );
}
