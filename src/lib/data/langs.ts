// The story's languages, apart from the zod schema so the browser bundle never pulls zod in
// (the URL codec needs this list at runtime; the schema runs only at build time).
export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];
