// The script the pages run before they paint and the app's state follow one rule: the pages carry
// the rule's own source, which the policy hashes.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { Script, createContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { LANGS, readerLang } from '$lib/data/langs';
import { policyOfThisBuild, sha256 } from './content-security-policy.js';
import { langScript } from './lang-script.js';

const script = langScript(readFileSync('src/lib/data/langs.js', 'utf8'));
const compiled = new Script(script);
// One sandbox for every run (making one is slow); each run gives it its page.
const sandbox = createContext({ URLSearchParams, setTimeout: () => {} });

/** Runs the script on a page in `pageLang` at `address`: does it hide the panel? */
function hides(pageLang: string, address: string, languages: string[]): boolean {
	const url = new URL(address, 'https://example.org');
	const classes = new Set<string>();
	Object.assign(sandbox, {
		location: { search: url.search, pathname: url.pathname },
		navigator: { languages },
		document: { documentElement: { lang: pageLang, classList: { add: (c: string) => classes.add(c) } } }
	});
	compiled.runInContext(sandbox);
	return classes.has('relang');
}

describe('the language script', () => {
	it('hides the panel exactly when the app will switch the page to the reader’s language (property)', () => {
		const segment = fc.constantFrom('', 'en/', 'fr/', 'maps/', 'site/', 'site/en', 'claim/x', 'en/claim/x');
		fc.assert(
			fc.property(
				fc.constantFrom(...LANGS),
				fc.array(segment, { maxLength: 3 }),
				fc.constantFrom('', '?lang=en', '?lang=fr', '?lang=de', '?x=1&lang=en'),
				fc.array(fc.constantFrom('fr', 'fr-FR', 'en-GB', 'EN', 'de', 'ru-RU', 'kk'), { maxLength: 3 }),
				(pageLang, path, search, languages) => {
					const address = `/${path.join('')}${search}`;
					const url = new URL(address, 'https://example.org');
					const app = readerLang(url.search, url.pathname, languages);
					expect(hides(pageLang, address, languages)).toBe(app !== pageLang);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('is allowed by the pages’ policy, as the pages carry it', () => {
		expect(policyOfThisBuild({})!.directives!['script-src']).toContain(sha256(script));
	});
});
