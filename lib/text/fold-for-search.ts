/** "Côte d’Ivoire" → "cote d'ivoire": lower case, accents dropped and curly apostrophes straightened, as people type. */
export const foldForSearch = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[‘’]/g, "'")
    .toLowerCase();
