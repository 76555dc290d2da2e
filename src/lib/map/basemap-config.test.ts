import { describe, expect, it } from 'vitest';
import { AppConfig, MAX_ATTRIBUTION, MAX_NAME } from './basemap-config';

const street = (fields: object) => ({ street: { name: 'Tiles', attribution: '© OSM', ...fields } });

describe('config.json', () => {
	it('takes http(s) addresses, absolute or relative to the app', () => {
		for (const fields of [
			{ style: 'https://tiles.example.org/styles/liberty' },
			{ style: 'http://localhost:4174/street-style.json' },
			{ pmtiles: 'tiles/almaty.pmtiles' },
			{ pmtiles: '/tiles/almaty.pmtiles' }
		])
			expect(AppConfig.safeParse(street(fields)).success, JSON.stringify(fields)).toBe(true);
	});

	it('refuses an address that is malformed or not http(s), saying what to give', () => {
		for (const fields of [
			{ style: 'http://[' },
			{ style: 'javascript:alert(1)' },
			{ pmtiles: 'data:application/octet-stream,abc' },
			{ pmtiles: 'ftp://tiles.example.org/a.pmtiles' }
		]) {
			const result = AppConfig.safeParse(street(fields));
			expect(result.success, JSON.stringify(fields)).toBe(false);
			expect(result.error!.issues[0]!.message).toMatch(/give an http\(s\) address/);
		}
	});

	it('caps the name and the credit, saying how long they may be', () => {
		for (const [field, max] of [
			['name', MAX_NAME],
			['attribution', MAX_ATTRIBUTION]
		] as const) {
			expect(AppConfig.safeParse(street({ style: '/s.json', [field]: 'x'.repeat(max) })).success).toBe(true);
			const result = AppConfig.safeParse(street({ style: '/s.json', [field]: 'x'.repeat(max + 1) }));
			expect(result.error?.issues[0]?.message).toBe(`is longer than ${max} characters; shorten it`);
		}
	});
});
