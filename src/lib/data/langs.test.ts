import { describe, expect, it } from 'vitest';
import { SELECTION_KINDS } from '$lib/types/view';
import { ITEM_PAGE, LANGS, addressLang, langFolder, preferredLang, readerLang } from './langs';

describe('preferredLang', () => {
	it('takes the first French or English language of the browser’s list, else English', () => {
		expect(preferredLang(['de-DE', 'fr-CA', 'en'])).toBe('fr');
		expect(preferredLang(['EN-gb', 'fr'])).toBe('en');
		expect(preferredLang(['ru', 'kk'])).toBe('en');
		expect(preferredLang([])).toBe('en');
	});
});

describe('the language folders', () => {
	it('are read back as the language they are written for', () => {
		for (const lang of LANGS) {
			const folder = langFolder(lang);
			expect(addressLang('', `/${folder}`)).toBe(folder ? lang : null);
			expect(addressLang('', `/${folder}site/airport`)).toBe(folder ? lang : null);
		}
	});
});

describe('the offline copy', () => {
	it('is read in the language its file name says, unless the address asks for another', () => {
		expect(addressLang('', '/home/me/almaty-2022-2026-11-24.1.en.html')).toBe('en');
		expect(addressLang('', '/C:/Users/me/almaty-2022-2026-11-24.1.fr.html')).toBe('fr');
		expect(addressLang('?lang=en', '/sdcard/almaty-2022-2026-11-24.1.fr.html')).toBe('en');
		expect(addressLang('', '/sdcard/story.de.html')).toBe(null);
	});
});

describe('readerLang', () => {
	it('follows the address, else the browser', () => {
		expect(readerLang('?lang=fr', '/en/', ['en'])).toBe('fr');
		expect(readerLang('', '/en/incident/akimat-fire', ['fr'])).toBe('en');
		expect(readerLang('?lang=de', '/', ['fr-FR'])).toBe('fr');
		expect(readerLang('', '/site/airport', ['en-US'])).toBe('en');
	});
});

describe('ITEM_PAGE', () => {
	it('names every kind of item a page is made for, and no other', () => {
		for (const kind of SELECTION_KINDS)
			expect(ITEM_PAGE.exec(`/en/${kind}/two%20words/`)?.slice(1)).toEqual([kind, 'two%20words']);
		expect(ITEM_PAGE.test('/en/place/airport')).toBe(false);
	});
});
