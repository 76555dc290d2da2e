import { describe, expect, it } from 'vitest';
import { originOf, originsBehind, outletKey } from './independence';
import type { Source } from './schema';

const source = (id: string, outlet: Source['outlet'], origin?: string): Source => ({
	id,
	outlet,
	title: 't',
	date: null,
	language: 'en',
	kind: 'news-agency',
	url: null,
	accessed: '2026-12-01',
	...(origin ? { origin } : {})
});
const sources = new Map(
	[
		source('wire', 'Reuters (via Daily Mail wires)', 'reuters'),
		source('copy', 'Reuters (via National Post)', 'reuters'),
		source('tass-1', 'TASS'),
		source('tass-2', 'TASS '),
		source('unnamed', { fr: 'Média inconnu', en: 'Unknown outlet' })
	].map((s) => [s.id, s])
);
const lookup = (id: string) => sources.get(id);

describe('origins', () => {
	it('counts syndicated copies of one origin once', () => {
		expect([...originsBehind([{ source: 'wire' }, { source: 'copy' }], lookup).keys()]).toEqual(['reuters']);
	});

	it('falls back to the outlet, so two stories of one outlet are one origin', () => {
		const origins = originsBehind([{ source: 'tass-1' }, { source: 'tass-2' }], lookup);
		expect([...origins]).toEqual([['tass', ['tass-1', 'tass-2']]]);
	});

	it('lets a reference name who first said what it relays', () => {
		expect(originOf({ source: 'tass-1', origin: 'kz-health-ministry' }, sources.get('tass-1'))).toBe(
			'kz-health-ministry'
		);
		expect(originsBehind([{ source: 'wire' }, { source: 'tass-1', origin: 'reuters' }], lookup).size).toBe(1);
	});

	it('reads an outlet we described in English, and an unknown source as itself', () => {
		expect(originOf({ source: 'unnamed' }, sources.get('unnamed'))).toBe('unknown-outlet');
		expect(originOf({ source: 'gone' }, undefined)).toBe('gone');
	});

	it('writes outlets as ids: "RIA Novosti" meets origin "ria-novosti"', () => {
		expect(outletKey('RIA Novosti')).toBe('ria-novosti');
		expect(outletKey('Argumenty i Fakty')).toBe('argumenty-i-fakty');
		expect(outletKey('Известия')).toBe('известия');
	});
});
