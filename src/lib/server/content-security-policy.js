// The pages' Content Security Policy (https://svelte.dev/docs/kit/configuration#csp), written by Kit
// into every prerendered page as a <meta http-equiv>. Kit adds the hash of its own start script;
// ours (the language script, 200.html's note, any in src/app.html) are hashed here. Plain JavaScript: svelte.config.js reads it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { FALLBACK_SCRIPT, FALLBACK_STYLE } from './fallback-note.js';
import { langScript } from './lang-script.js';

const ROOT = new URL('../../../', import.meta.url);

/** @typedef {NonNullable<NonNullable<import('@sveltejs/kit').KitConfig['csp']>['directives']>} Directives */

/** @param {string} text */
export const sha256 = (text) =>
	/** @type {`sha256-${string}`} */ (`sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`);

/**
 * The inline scripts of a page template, exactly as every page carries them.
 * @param {string} html
 */
export const inlineScripts = (html) =>
	[...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');

/**
 * The one style attribute the pages carry: Kit's route announcer (a visually hidden live region it
 * adds once the app runs). Read from Kit itself, so an upgrade that changes it is hashed anew.
 * @param {string} kitRoot Kit's write_root.js, which writes the announcer
 */
export function announcerStyle(kitRoot) {
	const style = kitRoot.match(/<div id="svelte-announcer"[^>]*\sstyle="([^"]+)"/)?.[1];
	if (!style)
		throw new Error(
			"Kit's route announcer has no style attribute where content-security-policy.js looks for it: " +
				'update announcerStyle() to where this version of Kit writes it'
		);
	return style;
}

/**
 * Origins a deployer's street map may be read from: each an http(s) origin, nothing more.
 * @param {string | undefined} list space- or comma-separated, as STREET_MAP_ORIGINS gives them
 * @returns {string[]}
 */
export function parseOrigins(list) {
	return (list ?? '')
		.split(/[\s,]+/)
		.filter(Boolean)
		.map((entry) => {
			let url;
			try {
				url = new URL(entry);
			} catch {
				url = null;
			}
			if (!url || !/^https?:$/.test(url.protocol) || url.origin !== entry.replace(/\/$/, ''))
				throw new Error(
					`STREET_MAP_ORIGINS: "${entry}" is not an origin; give each as scheme://host[:port], e.g. https://tiles.example.org`
				);
			return url.origin;
		});
}

/**
 * The origin of the street map the shipped config.json names, if it is on another origin.
 * @param {string} configJson
 * @returns {string[]}
 */
export function configOrigins(configJson) {
	/** @type {{ street?: { style?: unknown; pmtiles?: unknown } | null }} */
	let config;
	try {
		config = JSON.parse(configJson);
	} catch {
		return []; // the app's own validator says what is wrong, in the console
	}
	const address = config?.street?.style ?? config?.street?.pmtiles;
	if (typeof address !== 'string' || !/^https?:\/\//i.test(address)) return [];
	try {
		return [new URL(address).origin];
	} catch {
		return [];
	}
}

/**
 * The directives: nothing by default, and only what the app uses, all from its own origin.
 * @param {{ appHtml: string; langRule: string; announcer: string; streetOrigins?: string[] }} input
 * @returns {Directives}
 */
export function directives({ appHtml, langRule, announcer, streetOrigins = [] }) {
	const street = /** @type {NonNullable<Directives['connect-src']>} */ ([...new Set(streetOrigins)]);
	return {
		'default-src': ['none'],
		'script-src': [
			'self',
			...inlineScripts(appHtml).map(sha256),
			sha256(langScript(langRule)),
			sha256(FALLBACK_SCRIPT)
		],
		// 200.html's <noscript> rule and, by 'unsafe-hashes', Kit's announcer's style attribute and
		// no other; every other rule is in a stylesheet file.
		'style-src': ['self', sha256(FALLBACK_STYLE), 'unsafe-hashes', sha256(announcer)],
		// data: for the icons in MapLibre's stylesheet; a street map's sprites come from its host.
		'img-src': ['self', 'data:', ...street],
		'font-src': ['self'],
		// The page's data, the map's files and tiles (range requests), config.json; a street map's host.
		'connect-src': ['self', ...street],
		// MapLibre's worker is a file of ours (no blob:), as is the service worker.
		'worker-src': ['self'],
		'manifest-src': ['self'],
		'object-src': ['none'],
		'base-uri': ['none'],
		'form-action': ['none']
	};
}

/**
 * The policy of this build: the street map origins come from STREET_MAP_ORIGINS and from the
 * config.json shipped in static/ (a deployer who points config.json elsewhere after the build
 * rebuilds with STREET_MAP_ORIGINS; see the README).
 * @param {Record<string, string | undefined>} env
 * @returns {import('@sveltejs/kit').KitConfig['csp']}
 */
export function policyOfThisBuild(env = process.env) {
	const read = (/** @type {string} */ path) => readFileSync(new URL(path, ROOT), 'utf8');
	const policy = {
		mode: /** @type {const} */ ('hash'),
		directives: directives({
			appHtml: read('src/app.html'),
			langRule: read('src/lib/data/langs.js'),
			announcer: announcerStyle(read('node_modules/@sveltejs/kit/src/core/sync/write_root.js')),
			streetOrigins: [...parseOrigins(env.STREET_MAP_ORIGINS), ...configOrigins(read('static/config.json'))]
		})
	};
	return env.OFFLINE_COPY === '1' ? offlineCopyPolicy(policy) : policy;
}

/**
 * The offline copy's policy (npm run pack): the site's, plus what a file that can load no other file
 * needs, and nothing more. MapLibre's worker is made from its source in the page as a blob: URL; on
 * a page opened from disk (an opaque origin) MapLibre reads that URL back (`connect-src blob:`) and
 * starts the worker from a data: URL (`worker-src blob: data:`). The fonts are inside the page
 * (`font-src data:`). Scripts stay by hash only: a worker's source can only come from the page's
 * own hashed script.
 * @template {{ mode: 'hash'; directives: Directives }} P
 * @param {P} policy
 * @returns {P}
 */
export function offlineCopyPolicy(policy) {
	const d = policy.directives;
	return {
		...policy,
		directives: {
			...d,
			'font-src': [...(d['font-src'] ?? []), 'data:'],
			'connect-src': [...(d['connect-src'] ?? []), 'blob:'],
			'worker-src': [...(d['worker-src'] ?? []), 'blob:', 'data:']
		}
	};
}
