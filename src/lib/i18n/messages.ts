// Every word of the interface: one module per language (messages-fr.ts, messages-en.ts), so a page
// loads only the words it shows; the other language's load when the reader switches to it. Data
// texts carry their own translations.
import type { Lang } from '$lib/data/schema';
import type { Messages } from './messages-fr';

const loaders: Record<Lang, () => Promise<Messages>> = {
	fr: () => import('./messages-fr').then((m) => m.fr),
	en: () => import('./messages-en').then((m) => m.en)
};
const loaded: Partial<Record<Lang, Messages>> = {};
const loading: Partial<Record<Lang, Promise<Messages>>> = {};

/** A language's words, loaded once (a page's load step awaits those it renders in). */
export function loadMessages(lang: Lang): Promise<Messages> {
	return (loading[lang] ??= loaders[lang]().then((m) => (loaded[lang] = m)));
}

/** A language's words if they are loaded; undefined until then. */
export const messagesOf = (lang: Lang): Messages | undefined => loaded[lang];

export type { Messages };
