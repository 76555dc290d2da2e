// The interface's words a page needs before it hydrates, and the language it starts in: on the
// server its own (it is prerendered in it); in the browser the reader's, which the page hydrates
// straight into (the panel is hidden meanwhile: lang-script.js), so a root page read in English
// never loads the French words. The other language's words load when the reader switches
// (Dashboard.setLang).
import { browser } from '$app/environment';
import type { Lang } from '$lib/data/schema';
import { loadMessages } from '$lib/i18n/messages';
import { readerLangNow } from '$lib/url/start';

export async function loadWords(pageLang: Lang): Promise<Lang> {
	const lang = browser ? readerLangNow() : pageLang;
	await loadMessages(lang);
	return lang;
}
