// The article Agora debates, from shared/article/article-fr.txt. Extraction glitches are mended
// only where the meaning is certain: paragraphs glued together are split again, missing spaces
// restored, "Alession" read as "Alessio", and the terms the context names for sure ("open source",
// Server Side Public License) put back. Where the missing words are not certain, "[…]" marks the
// gap instead of guessing.

import type { PositionColour } from "../../lib/schemas/vocabulary";

export const ARTICLE = {
  slug: "evolution-du-concept-d-open-source",
  title: "Évolution du concept d’open source",
  sourceTitle: "Alessio Fanelli's blog post",
  sourceNote: "Article de la presse tech francophone qui présente et discute le billet de blog d’Alessio Fanelli.",
  body: [
    "Fanelli considère que ces restrictions sont contraires à la philosophie de l’open source. Je sais que LLaMA2 ne correspond pas à la notion traditionnelle de l’open source, mais je pense aussi que cela n’a pas d’importance. Le sens de l’open source doit s’adapter (une fois de plus) au contexte des modèles d’IA.",
    "LLaMA 2 (pour Large Language Model with Attention 2) est un modèle d'IA génératif qui peut produire des textes en langage naturel en fonction d'une entrée ou d'une invite donnée. Il peut être utilisé pour diverses applications telles que les chatbots, la création de contenu, la synthèse, la traduction, etc. LLaMA 2 est la deuxième version du LLM de Meta, qui a été publié pour la première fois en février 2023. Selon Meta, LLaMA 2 a été formé sur 40 % de données en plus que LLaMA 1, qui comprend des informations provenant de « sources de données en ligne accessibles au public ». Il affirme également qu'il « surclasse » d'autres LLM comme Falcon et MPT en ce qui concerne les tests de raisonnement, de codage, de compétence et de connaissances. Meta a décidé de rendre LLaMA 2 disponible gratuitement via la plateforme Azure de Microsoft, ainsi que d'autres fournisseurs tels qu'AWS, Hugging Face et le téléchargement direct. Meta a déclaré qu'il souhaitait donner aux entreprises, aux startups et aux chercheurs un accès à davantage d'outils d'IA, permettant l'expérimentation et l'innovation en tant que communauté.",
    "Meta fournit les paramètres des modèles et le code source pour le modèle pré-entraîné et les versions adaptées pour la conversation. La société de Mark Zuckerberg a sélectionné Microsoft comme son partenaire de choix pour LLaMa 2 et en renforçant leurs activités dans le secteur de l’IA générative. « Nous envisageons de faire de la prochaine version de LLaMa 2 une version totalement libre et gratuite pour la recherche et l’utilisation commerciale », a affirmé Meta dans un post du 18 juillet.",
    "LLaMa 2 est disponible dans le catalogue de modèles Azure AI, ce qui permet aux développeurs utilisant Microsoft Azure de construire avec lui et de tirer parti de leurs outils cloud-native pour le filtrage de contenu et les fonctions de sécurité. Il est également optimisé pour fonctionner localement sur Windows, offrant aux développeurs un flux de travail transparent lorsqu'ils proposent des expériences d'IA générative à leurs clients sur différentes plateformes. LLaMa 2 est disponible via Amazon Web Services (AWS), Hugging Face et d'autres fournisseurs.",
    "« Notre approche open source favorise la transparence et l'accès. Nous savons que l'IA a apporté d'énormes progrès à la société, mais qu'elle comporte aussi des risques. Nous nous engageons à construire de manière responsable et fournissons un certain nombre de ressources pour aider ceux qui utilisent Llama 2 à faire de même », précise Meta.",
    "## De la liberté à l’ouverture",
    "Alessio Fanelli rappelle que depuis la « Lettre ouverte aux amateurs » de 1976, il y a eu des conflits entre les intérêts économiques des sociétés de logiciels et la créativité des hackers qui cherchaient à dépasser les limites. Le courant du « logiciel libre » a émergé dans les années 70 au laboratoire d’intelligence artificielle du MIT avec Richard Stallman et a conduit au projet GNU en 1983. La licence GPL a été inventée et des projets comme Red Hat, MySQL, Git et Ubuntu l’ont utilisée. Le terme « open source » est né en 1998 grâce à Christine Peterson du MIT ; lors du […], le terme […] a été officiellement remplacé par […]",
    "Au fil du temps, les communautés du logiciel libre et open source se sont éloignées, car elles avaient des visions différentes de ce que signifiaient les termes « libre » et « ouvert ». Les logiciels libres, selon la définition de la […], ne sont qu’une partie des logiciels open source et utilisent des licences très souples telles que GPL et Apache.",
    "Au cours des dix dernières années, une autre divergence s’est produite, cette fois à cause de la tension entre les entreprises commerciales de logiciels libres et les entreprises de cloud computing. Elastic et MongoDB ont changé leurs projets open source vers la Server Side Public License (SSPL), qui autorise les développeurs à utiliser le produit à des fins commerciales, à condition qu’ils n’offrent pas une version hébergée du produit. Le but était d’éviter qu’AWS ne réutilise leurs produits comme des services en cloud et n’en profite.",
    "La SSPL viole aussi les principes de l’open source software (OSS) et n’est pas reconnue par l’Open Source Initiative (OSI) comme une licence open source. Pourtant, la plupart des développeurs continuent de dire que MongoDB est open source. De plus en plus, le terme « open source » perd son sens de liberté et devient presque équivalent à « source disponible » dans l’esprit des développeurs. Pour la plupart des ingénieurs en IA, « open source » signifie désormais « poids téléchargeables », rien de plus.",
    "Heather Meeker a proposé une définition des « poids ouverts », mais il n’y a pas encore d’accord au sein de la communauté. La question est de savoir si des poids ouverts sont suffisants pour qu’un modèle soit considéré comme open source ; pour faire une analogie avec les logiciels, on pourrait dire qu’un projet publie ses exécutables sans le code source qui permet de le reconstituer à partir de zéro.",
    "Alessio Fanelli considère que, pour qu’un modèle soit réellement open source et puisse être réentraîné à partir de zéro, ses créateurs devraient partager l’intégralité de leur code d’entraînement, leur ensemble de données de préentraînement, leurs préférences en matière de réglage fin, leurs exemples de RLHF, etc. Le problème est le coût de ces entraînements, affirme-t-il : même si quelqu’un devait tout divulguer, il est trop onéreux de former des modèles à partir de zéro pour la plupart des développeurs et des entreprises, et il est donc plus intéressant d’avoir accès aux poids finaux de toute façon.",
  ].join("\n\n"),
};

type Question = {
  number: number;
  slug: string;
  title: string;
  kind: "POSITION" | "OPEN";
  /** A position question's positions, in its own words (the migration thread_positions wrote the same). */
  positions?: { label: string; description: string | null; colour: PositionColour }[];
  /** An open question's facets, the groups its arguments are written under (the migration arguments_consensus_closing wrote the same). */
  facets?: { label: string; description: string | null }[];
  body: string;
};

// The article's five closing questions, in its order and wording (the stray comma after
// "Partagez-vous" is an extraction glitch), each with the context it asks about.
export const QUESTIONS: Question[] = [
  {
    number: 1,
    slug: "analyse-de-fanelli",
    title: "L'analyse d'Alessio Fanelli est-elle pertinente ?",
    kind: "POSITION",
    positions: [
      { label: "Analyse pertinente", description: "Un modèle n’est open source que si l’on peut le réentraîner à partir de zéro.", colour: "BLUE" },
      { label: "Analyse pas pertinente", description: "Des poids téléchargeables suffisent à l’ouverture d’un modèle.", colour: "ORANGE" },
      { label: "Pertinente en partie", description: null, colour: "BLUISH_GREEN" },
    ],
    body: [
      "Pour Alessio Fanelli, un modèle n’est réellement open source que si l’on peut le réentraîner à partir de zéro :",
      "> ses créateurs devraient partager l’intégralité de leur code d’entraînement, leur ensemble de données de préentraînement, leurs préférences en matière de réglage fin, leurs exemples de RLHF, etc.",
      "Mais il ajoute que ces entraînements coûtent trop cher pour la plupart des développeurs et des entreprises : avoir accès aux poids finaux serait donc plus intéressant de toute façon, et « le sens de l’open source doit s’adapter (une fois de plus) au contexte des modèles d’IA ».",
    ].join("\n\n"),
  },
  {
    number: 2,
    slug: "llama-2-est-il-open-source",
    title: "Partagez-vous l'avis selon lequel le modèle Llama-2 de Meta ne serait pas open source ?",
    kind: "POSITION",
    positions: [
      { label: "Llama 2 n’est pas open source", description: "Sa licence restreint des usages : ce n’est pas l’open source de l’OSI.", colour: "VERMILION" },
      { label: "Llama 2 est open source", description: "Le sens de l’open source s’adapte aux modèles d’IA.", colour: "SKY_BLUE" },
      { label: "C’est plus nuancé", description: null, colour: "YELLOW" },
    ],
    body: [
      "Meta fournit les paramètres de LLaMA 2 et le code source du modèle pré-entraîné et des versions adaptées à la conversation, gratuitement, via Azure, AWS, Hugging Face et le téléchargement direct ; sa licence impose toutefois des restrictions.",
      "> « Notre approche open source favorise la transparence et l'accès. » — Meta",
      "Fanelli juge ces restrictions contraires à la philosophie de l’open source : « LLaMA2 ne correspond pas à la notion traditionnelle de l’open source », même s’il pense que cela n’a pas d’importance.",
    ].join("\n\n"),
  },
  {
    number: 3,
    slug: "libre-ou-ouvert",
    title: "À votre avis, existe-t-il une différence entre « libre » et « ouvert » ?",
    kind: "POSITION",
    positions: [
      { label: "Libre et ouvert diffèrent", description: "Le libre parle de liberté, l’ouvert d’accès au code.", colour: "BLUE" },
      { label: "C’est la même chose", description: null, colour: "ORANGE" },
      { label: "Cela dépend", description: null, colour: "BLUISH_GREEN" },
    ],
    body: [
      "Le courant du « logiciel libre » est né dans les années 70 au laboratoire d’intelligence artificielle du MIT avec Richard Stallman et a conduit au projet GNU en 1983 ; le terme « open source » est apparu en 1998.",
      "> Au fil du temps, les communautés du logiciel libre et open source se sont éloignées, car elles avaient des visions différentes de ce que signifiaient les termes « libre » et « ouvert ».",
    ].join("\n\n"),
  },
  {
    number: 4,
    slug: "verifier-qu-un-modele-est-open-source",
    title:
      "Comment les développeurs peuvent-ils s’assurer que les modèles qu’ils utilisent sont réellement open source et respectent les principes de l’OSS ?",
    kind: "OPEN",
    facets: [
      { label: "Licence", description: "Les conditions d’utilisation respectent-elles la définition de l’OSI ?" },
      { label: "Données", description: "Les données d’entraînement sont-elles publiées et documentées ?" },
      { label: "Code d’entraînement", description: "Peut-on réentraîner le modèle à partir de zéro ?" },
    ],
    body: [
      "La SSPL n’est pas reconnue par l’Open Source Initiative (OSI), et pourtant la plupart des développeurs disent que MongoDB est open source : le terme devient presque équivalent à « source disponible ».",
      "> Pour la plupart des ingénieurs en IA, « open source » signifie désormais « poids téléchargeables », rien de plus.",
      "Heather Meeker a proposé une définition des « poids ouverts », sans accord de la communauté à ce jour. Publier des poids sans le code ni les données d’entraînement, c’est un peu publier des exécutables sans le code source qui permet de les reconstruire.",
    ].join("\n\n"),
  },
  {
    number: 5,
    slug: "risques-et-opportunites",
    title: "Quels sont les risques et les opportunités de l’open source dans le domaine de l’IA générative ?",
    kind: "OPEN",
    facets: [
      { label: "Risques", description: null },
      { label: "Opportunités", description: null },
    ],
    body: [
      "Meta dit vouloir donner aux entreprises, aux startups et aux chercheurs un accès à davantage d’outils d’IA, « permettant l’expérimentation et l’innovation en tant que communauté ».",
      "> « Nous savons que l'IA a apporté d'énormes progrès à la société, mais qu'elle comporte aussi des risques. Nous nous engageons à construire de manière responsable […] » — Meta",
      "Reste la question du coût : même si tout était divulgué, réentraîner un modèle à partir de zéro est hors de portée de la plupart des développeurs.",
    ].join("\n\n"),
  },
];
