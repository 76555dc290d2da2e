// The story's languages, apart from the zod schema so the browser bundle never pulls zod in
// (the URL codec needs this list at runtime; the schema runs only at build time).
export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** The reader's language from the browser's list: the first French or English one, else English. */
export function preferredLang(langs: readonly string[]): Lang {
	for (const l of langs) {
		const base = l.toLowerCase().split('-')[0];
		if ((LANGS as readonly string[]).includes(base ?? '')) return base as Lang;
	}
	return 'en';
}
