/**
 * Text typed by one person and shown to another (names in staff emails and the audit log) without the characters
 * that make it read as something else: control and invisible format characters, bidi overrides among them.
 */
export const plainText = (text: string) => text.replace(/[\p{Cc}\p{Cf}]/gu, "");

/**
 * What a person's name may not hold: control characters, the invisible ones that reorder or hide text (bidi
 * embeddings, overrides and isolates; zero-width space, word joiner, BOM), and angle brackets, which would let a
 * name pass for the "Name <address>" of someone else in the audit log. Zero-width (non-)joiners and direction marks
 * stay: names in Persian or Indic scripts need them.
 */
export const hasForbiddenNameCharacters = (name: string) => /[\p{Cc}\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff<>]/u.test(name);
