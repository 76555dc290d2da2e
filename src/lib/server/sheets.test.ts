import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readStory } from './geodata';
import { SheetError, fromSheets, parseSheet, sheetCsv, toSheets } from './sheets';

type Raw = Record<string, unknown>;
const story = (dir: string) => readStory(dir).raw as unknown as Raw;
const PARTS = ['sites', 'incidents', 'claims', 'sources', 'reading'];

/** JSON → CSV text → JSON, as an author's export and import do. */
function roundTrip(raw: Raw): Raw {
	const sheets = toSheets(raw as never);
	const back = Object.fromEntries(
		Object.entries(sheets).map(([name, sheet]) => [name, parseSheet(`${name}.csv`, sheetCsv(sheet))])
	);
	return fromSheets(back, { story: raw.story } as never);
}
const parts = (raw: Raw) => Object.fromEntries(PARTS.map((p) => [p, raw[p]]));

// Texts a spreadsheet or a CSV parser trips on, beside arbitrary ones.
const tricky = fc.constantFrom(
	'=1+1',
	'+33 1 23',
	'-31',
	'@user',
	"'quoted",
	"'=x",
	'a, b',
	'"quoted"',
	'line\nbreak',
	'cr\r\nlf',
	' padded ',
	'null',
	'0',
	'true',
	'[bracket]',
	'a; b',
	'\ttab',
	'Алматы · Қазақстан',
	'🙂'
);
const text = fc.oneof(tricky, fc.string({ minLength: 1, unit: 'grapheme' }));
const number = fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));

/** The story with its texts, numbers and flags replaced; ids, keys and kinds stay, so records still join. */
function mutate(value: unknown, texts: string[], numbers: number[], key = ''): unknown {
	let t = 0;
	let n = 0;
	const keep = new Set([
		'id',
		'paragraph',
		'type',
		'of',
		'n',
		'source',
		'status',
		'kind',
		'precision',
		'layer'
	]);
	const walk = (v: unknown, k: string): unknown => {
		if (keep.has(k)) return v;
		if (typeof v === 'string') return texts[t++ % texts.length];
		if (typeof v === 'number') return numbers[n++ % numbers.length];
		if (typeof v === 'boolean') return !v;
		if (Array.isArray(v)) return v.map((x) => walk(x, k));
		if (v && typeof v === 'object')
			return Object.fromEntries(Object.entries(v).map(([kk, x]) => [kk, walk(x, kk)]));
		return v;
	};
	return walk(value, key);
}

describe('sheets', () => {
	it('give back the real story exactly', () => {
		const raw = story('geodata/almaty-2022');
		expect(parts(roundTrip(raw))).toEqual(parts(raw));
	});

	it('give back the second story exactly', () => {
		const raw = story('geodata/test-island');
		expect(parts(roundTrip(raw))).toEqual(parts(raw));
	});

	it('give back any texts, numbers and flags exactly (generated stories)', () => {
		const base = story('geodata/almaty-2022');
		fc.assert(
			fc.property(
				fc.array(text, { minLength: 40, maxLength: 80 }),
				fc.array(number, { minLength: 5 }),
				(texts, numbers) => {
					const raw = { ...base, ...(mutate(parts(base), texts, numbers) as Raw) };
					expect(parts(roundTrip(raw))).toEqual(parts(raw));
				}
			),
			{ numRuns: 25 }
		);
	});

	it('defuse formulas for spreadsheets', () => {
		const csv = sheetCsv({ columns: ['id', 'text'], rows: [{ id: 'a', text: '=HYPERLINK("x")' }] });
		expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
	});

	it('refuse a number that is not one, with the file, row, column and fix', () => {
		const sheets = toSheets(story('geodata/test-island') as never);
		sheets.sites!.rows[1]!.uncertaintyM = 'about 50';
		expect(() => fromSheets(sheets, {})).toThrow(
			new SheetError('sites.csv', 3, 'uncertaintyM', 'is "about 50"; expected a number, such as 12 or 43.25')
		);
	});

	it('refuse a list row whose record is not there, rather than drop it', () => {
		const sheets = toSheets(story('geodata/test-island') as never);
		sheets['status-history']!.rows.push({ ...sheets['status-history']!.rows[0]!, of: 'no-such-claim' });
		expect(() => fromSheets(sheets, {})).toThrow(
			/status-history\.csv, row 4, column of: names no-such-claim/
		);
	});

	it('refuse a column that is no field, naming it', () => {
		const sheets = toSheets(story('geodata/test-island') as never);
		sheets.claims!.columns.push('colour');
		sheets.claims!.rows[0]!.colour = 'red';
		expect(() => fromSheets(sheets, {})).toThrow(/claims\.csv, row 2, column colour: is not a field/);
	});
});
