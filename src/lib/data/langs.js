// The reader's language, one rule for the app and for the script every page runs before it paints
// (src/lib/server/lang-script.js inlines this file as written): plain JavaScript, no imports.

/** The story's languages; the first is that of the pages at the root (`/`, `/site/airport`). */
export const LANGS = /** @type {const} */ (['fr', 'en']);
/** @typedef {(typeof LANGS)[number]} Lang */

/** @param {unknown} l @returns {l is Lang} */
export const isLang = (l) => LANGS.includes(/** @type {Lang} */ (l));

/** The folder of a language's pages under the app's root: none for the first, `en/` for English. */
export const langFolder = (/** @type {Lang} */ lang) => (lang === LANGS[0] ? '' : `${lang}/`);

/**
 * An item's own page at the end of a path (`/claim/two-beheaded`), whatever comes before it: its
 * kind and id are the two groups. The one pattern for it (view-state.ts, the error page use it too);
 * here because this file is inlined as written and imports nothing. The kinds are SELECTION_KINDS'.
 */
export const ITEM_PAGE = /\/(site|incident|claim)\/([^/]+)\/?$/;

/**
 * The language an address names: `?lang=` (older links), else the offline copy's file name
 * (`….en.html`), else its language folder (`/en/`, `/en/claim/two-beheaded`); null when it names
 * none. A base path ending in a folder named like a language would read as one.
 * @param {string} search
 * @param {string} pathname
 * @returns {Lang | null}
 */
export function addressLang(search, pathname) {
	const asked = new URLSearchParams(search).get('lang');
	if (isLang(asked)) return asked;
	// The offline copy, one file per language (`<story>-<version>.fr.html`).
	const file = /\.([a-z]{2})\.html$/.exec(pathname)?.[1];
	if (isLang(file)) return file;
	const folder = /\/([^/]+)\/?$/.exec(pathname.replace(ITEM_PAGE, '/'))?.[1];
	return isLang(folder) && langFolder(folder) ? folder : null;
}

/**
 * The reader's language from the browser's list: the first French or English one, else English.
 * @param {readonly string[]} languages
 * @returns {Lang}
 */
export function preferredLang(languages) {
	for (const l of languages) {
		const base = l.toLowerCase().split('-')[0];
		if (isLang(base)) return base;
	}
	return 'en';
}

/**
 * The language a page is read in: the address's, else the browser's.
 * @param {string} search
 * @param {string} pathname
 * @param {readonly string[]} languages
 * @returns {Lang}
 */
export function readerLang(search, pathname, languages) {
	return addressLang(search, pathname) ?? preferredLang(languages);
}
