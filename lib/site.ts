// What the site says of itself, wherever it says it (page metadata, the web app manifest).
import { NNBSP } from "./typography";

export const SITE_NAME = "Agora";
export const SITE_TITLE = "Agora — le débat sur l’open source et Llama 2";
export const SITE_DESCRIPTION = `Débattez des questions de l’article «${NNBSP}Évolution du concept d’open source${NNBSP}»${NNBSP}: Llama 2 est-il vraiment open source${NNBSP}?`;
/** The brand colour of the icon (Tailwind's blue-700, the site's links and buttons). */
export const BRAND_COLOR = "#1d4ed8";
