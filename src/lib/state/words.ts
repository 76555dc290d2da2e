// The interface's words a page needs before it hydrates: its own language (it is prerendered in it)
// and, in the browser, the reader's, which the page switches to as it starts. The other language's
// words load when the reader switches (Dashboard.setLang).
import { browser } from '$app/environment';
import type { Lang } from '$lib/data/schema';
import { loadMessages } from '$lib/i18n/messages';
import { readerLangNow } from '$lib/url/start';

export const loadWords = (pageLang: Lang) =>
	Promise.all([loadMessages(pageLang), browser ? loadMessages(readerLangNow()) : null]);
