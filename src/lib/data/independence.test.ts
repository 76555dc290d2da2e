import { describe, expect, it } from 'vitest';
import { countOrigins, explainCount, originOf, originsBehind, outletKey } from './independence';
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

describe('counting origins for "confirmed"', () => {
	const more = new Map(
		[
			...sources.values(),
			{ ...source('sputnik', 'Sputnik Kazakhstan'), alignment: 'russia' },
			{ ...source('tass-3', 'TASS'), alignment: 'russia' },
			{ ...source('armradio', 'Armenian Public Radio', 'csto') },
			{ ...source('tass-csto', 'TASS'), alignment: 'russia' }
		].map((s) => [s.id, s])
	);
	const look = (id: string) => more.get(id);

	it('leaves out the story’s own origin, naming the sources that carry it', () => {
		const count = countOrigins([{ source: 'wire' }, { source: 'tass-1' }], look, 'reuters');
		expect(count.story).toEqual(['wire']);
		expect(count.counted.map((g) => g.key)).toEqual(['tass']);
		expect(explainCount(count, 'reuters')).toBe(
			"counted: tass (tass-1); not counted: wire, the story's own origin (reuters)"
		);
	});

	it('counts origins that only one state’s media carry once, and says so', () => {
		const count = countOrigins([{ source: 'sputnik' }, { source: 'tass-3' }], look, 'reuters');
		expect(count.counted).toEqual([
			{
				key: 'russia',
				alignment: 'russia',
				origins: [
					{ origin: 'sputnik-kazakhstan', sources: ['sputnik'] },
					{ origin: 'tass', sources: ['tass-3'] }
				]
			}
		]);
	});

	it('keys a relayed statement to its speaker: the CSTO via TASS and via Armenian radio is one origin', () => {
		const count = countOrigins(
			[{ source: 'tass-csto', origin: 'csto' }, { source: 'armradio' }],
			look,
			'reuters'
		);
		expect(count.counted).toEqual([
			{ key: 'csto', origins: [{ origin: 'csto', sources: ['tass-csto', 'armradio'] }] }
		]);
	});

	it('does not merge a speaker that an unaligned outlet also carries into the state’s media', () => {
		const count = countOrigins(
			[{ source: 'tass-csto', origin: 'csto' }, { source: 'armradio' }, { source: 'sputnik' }],
			look,
			null
		);
		expect(count.counted.map((g) => g.key)).toEqual(['csto', 'russia']);
	});
});
