// A story's records as spreadsheets (CSV, one per record kind) and back, losslessly. Columns follow the
// schema (schema.ts): a nested field is its dotted path (`name.fr`, `when.start`), a list of values one
// cell (`places`: `a; b`), a list of records its own sheet keyed by its record's id (`of`) and position
// (`n`): a claim's status history is status-history.csv. Documented in AUTHORING.md, "Spreadsheets".
import Papa from 'papaparse';
import type { z } from 'zod';
import { Claim, Incident, ReadingStep, Reading, Site, Source } from '../data/schema';

type Schema = z.ZodType;
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };
export type Row = Record<string, string>;

/** A sheet as written: its column names, then its rows. */
export interface Sheet {
	columns: string[];
	rows: Row[];
}
export type Sheets = Record<string, Sheet>;

/** A cell the importer cannot read: where it is, what is wrong, and the fix. */
export class SheetError extends Error {
	constructor(
		readonly file: string,
		readonly row: number | null,
		readonly column: string | null,
		problem: string
	) {
		super(
			`${file}${row === null ? '' : `, row ${row}`}${column === null ? '' : `, column ${column}`}: ${problem}`
		);
		this.name = 'SheetError';
	}
}

// zod 4's own description of a schema: enough to tell an object from a list from a number.
interface Def {
	type: string;
	innerType?: Schema;
	in?: Schema;
	shape?: Record<string, Schema>;
	catchall?: Schema;
	element?: Schema;
	items?: Schema[];
	options?: Schema[];
	values?: unknown[];
	valueType?: Schema;
}
const defOf = (s: Schema) => (s as unknown as { _zod: { def: Def } })._zod.def;
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** The schema under its wrappers, and whether it may be absent or null. */
function unwrap(schema: Schema): { def: Def; optional: boolean; nullable: boolean } {
	let def = defOf(schema);
	let optional = false;
	let nullable = false;
	for (;;) {
		if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') optional = true;
		if (def.type === 'nullable') nullable = true;
		if (WRAPPERS.has(def.type)) def = defOf(def.innerType!);
		else if (def.type === 'pipe') def = defOf(def.in!);
		else return { def, optional, nullable };
	}
}
const isObjectDef = (d: Def) => d.type === 'object' || d.type === 'record';
const isRecordList = (d: Def) => d.type === 'array' && recordish(unwrap(d.element!).def);
function recordish(d: Def): boolean {
	return isObjectDef(d) || (d.type === 'union' && d.options!.every((o) => isObjectDef(unwrap(o).def)));
}
/** A field's schema; a strict object's catch-all (never) accepts no other field. */
const fieldSchema = (d: Def, key: string) =>
	d.shape?.[key] ??
	(d.catchall && defOf(d.catchall).type !== 'never' ? d.catchall : undefined) ??
	d.valueType;
const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The option of a union that a value (or a row's cells) belongs to: its literal fields agree. */
function optionFor(options: Schema[], literal: (key: string) => unknown): Schema | undefined {
	const objects = options.filter((o) => isObjectDef(unwrap(o).def));
	return (
		objects.find((o) =>
			Object.entries(unwrap(o).def.shape ?? {}).every(([k, s]) => {
				const d = unwrap(s).def;
				return d.type !== 'literal' || d.values!.includes(literal(k));
			})
		) ?? objects[0]
	);
}

// A list of plain values is one cell, "a; b"; one that could not be read back that way is JSON.
const LIST = '; ';
function listCell(values: Json[]): string {
	const plain = values.every(
		(v) =>
			typeof v === 'number' ||
			(typeof v === 'string' && v !== '' && v.trim() === v && !v.includes(';') && !v.startsWith('['))
	);
	return plain && values.length && new Set(values.map((v) => typeof v)).size === 1
		? values.join(LIST)
		: JSON.stringify(values);
}
const scalarCell = (v: Json) => (typeof v === 'string' ? v : String(v));

/** Sheet names of lists of records: the friendly ones the issue asks for, else `<sheet>-<field>`. */
const CHILD_SHEETS: Record<string, string> = {
	'incidents.figures': 'figures',
	'claims.statusHistory': 'status-history'
};
const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).replaceAll('.', '-');
export const childSheet = (sheet: string, path: string) =>
	CHILD_SHEETS[`${sheet}.${path}`] ?? `${sheet}-${kebab(path)}`;

class Writer {
	sheets: Record<string, Row[]> = {};
	add(sheet: string, row: Row) {
		(this.sheets[sheet] ??= []).push(row);
	}
	/** Writes a value's cells into `row`, and its lists of records into their own sheets. */
	flatten(value: Json | undefined, schema: Schema, path: string, row: Row, sheet: string, key: string) {
		if (value === undefined) return;
		const { def } = unwrap(schema);
		if (value === null) row[path] = '';
		else if (isRecordList(def) && Array.isArray(value)) {
			row[path] = String(value.length);
			const child = childSheet(sheet, path);
			value.forEach((item, i) => {
				const childRow: Row = { of: key, n: String(i + 1) };
				this.flatten(item, def.element!, '', childRow, child, `${key}/${i + 1}`);
				this.add(child, childRow);
			});
		} else if ((def.type === 'array' || def.type === 'tuple') && Array.isArray(value))
			row[path] = listCell(value);
		else if ((recordish(def) || def.type === 'union') && isObj(value)) {
			const d = def.type === 'union' ? unwrap(optionFor(def.options!, (k) => value[k])!).def : def;
			for (const [k, v] of Object.entries(value))
				this.flatten(v, fieldSchema(d, k)!, join(path, k), row, sheet, key);
		} else row[path] = scalarCell(value as Json);
	}
}

class Reader {
	/** Which list rows were read, by sheet and record: any left over name no record. */
	readonly consumed = new Set<string>();
	constructor(readonly children: Map<string, Map<string, { row: Row; line: number }[]>>) {}

	/** The value at `path` in a row: undefined when the sheet leaves it out. */
	read(schema: Schema, path: string, row: Row, sheet: string, line: number, key: string): Json | undefined {
		const { def, optional, nullable } = unwrap(schema);
		const cell = row[path];
		const fail = (problem: string): never => {
			throw new SheetError(`${sheet}.csv`, line, path || null, problem);
		};
		const empty = () => (nullable ? null : undefined);
		const prefix = path ? `${path}.` : '';
		const under = Object.keys(row).filter((c) => c.startsWith(prefix) && row[c] !== '');
		if (isRecordList(def)) {
			const child = childSheet(sheet, path);
			const rows = this.children.get(child)?.get(key) ?? [];
			this.consumed.add(`${child}\u0000${key}`);
			if (!rows.length) {
				if (cell === undefined || cell === '') return optional ? undefined : nullable ? null : [];
				if (cell !== '0')
					fail(
						`says ${cell} rows, but ${child}.csv has none whose "of" is ${key}; add them there, or write 0`
					);
				return [];
			}
			return rows.map(
				({ row: r, line: l }, i) => this.read(def.element!, '', r, child, l, `${key}/${i + 1}`) ?? {}
			);
		}
		if (def.type === 'union') {
			const plain = def.options!.find((o) => !recordish(unwrap(o).def));
			if (cell !== undefined && cell !== '')
				return plain
					? scalar(unwrap(plain).def, cell, fail)
					: fail('expected its fields in their own columns');
			if (under.length)
				return this.object(
					unwrap(optionFor(def.options!, (k) => row[join(path, k)])!).def,
					path,
					row,
					sheet,
					line,
					key
				);
			return cell === undefined ? undefined : empty();
		}
		if (isObjectDef(def)) {
			if (!under.length) return cell === undefined && !nullable && !optional && !path ? {} : empty();
			return this.object(def, path, row, sheet, line, key);
		}
		if (cell === undefined) return undefined;
		if (cell === '') return empty();
		if (def.type === 'array' || def.type === 'tuple') {
			const items = cell.startsWith('[') ? parseJson(cell, fail) : cell.split(/;\s*/);
			if (!Array.isArray(items)) return fail(`is ${cell}; expected a list, "a; b" or JSON ["a", "b"]`);
			return items.map((item, i) => {
				const s = def.type === 'tuple' ? def.items![i] : def.element!;
				return s && typeof item === 'string' ? scalar(unwrap(s).def, item, fail) : (item as Json);
			});
		}
		return scalar(def, cell, fail);
	}

	/** An object's fields, in the order of the sheet's columns. */
	private object(d: Def, path: string, row: Row, sheet: string, line: number, key: string): Obj {
		const prefix = path ? `${path}.` : '';
		const keys = [
			...new Set(
				Object.keys(row)
					.filter((c) => c.startsWith(prefix))
					.map((c) => c.slice(prefix.length).split('.')[0]!)
			)
		];
		const out: Obj = {};
		for (const k of keys) {
			// A list sheet's own columns: whose record the row belongs to, and where in its list.
			if (!path && (k === 'of' || k === 'n') && !d.shape?.[k]) continue;
			const s = fieldSchema(d, k);
			if (!s)
				throw new SheetError(
					`${sheet}.csv`,
					line,
					join(path, k),
					'is not a field of this record; rename the column (AUTHORING.md, "Spreadsheets") or remove it'
				);
			const v = this.read(s, join(path, k), row, sheet, line, key);
			if (v !== undefined) out[k] = v;
		}
		return out;
	}
}

function parseJson(cell: string, fail: (p: string) => never): Json {
	try {
		return JSON.parse(cell) as Json;
	} catch {
		return fail(`is not valid JSON (${cell.slice(0, 40)}); write the list as "a; b", or fix the JSON`);
	}
}

function scalar(def: Def, cell: string, fail: (p: string) => never): Json {
	if (def.type === 'number') {
		const n = Number(cell);
		return cell.trim() !== '' && Number.isFinite(n)
			? n
			: fail(`is "${cell}"; expected a number, such as 12 or 43.25`);
	}
	if (def.type === 'boolean') {
		if (/^true$/i.test(cell)) return true;
		if (/^false$/i.test(cell)) return false;
		return fail(`is "${cell}"; expected true or false`);
	}
	if (def.type === 'literal') {
		const lit = def.values!.find((v) => String(v) === cell);
		return lit === undefined
			? fail(`is "${cell}"; expected ${def.values!.map((v) => `"${v}"`).join(' or ')}`)
			: (lit as Json);
	}
	return cell;
}

/** The record kinds of a story, their sheets, and where their records live in its files. */
const FEATURE_PROPS = (schema: Schema) => defOf(schema).shape!.properties!;
const FEATURE_GEOMETRY = (schema: Schema) => defOf(schema).shape!.geometry!;
type Raw = Record<string, Json>;
interface Kind {
	sheet: string;
	schema: Schema;
	feature: boolean;
	key: (r: Obj) => string;
	get: (raw: Raw) => Obj[] | null;
	set: (raw: Raw, records: Obj[]) => void;
}
const byId = (r: Obj) => String((r.properties as Obj | undefined)?.id ?? r.id);
const byParagraph = (r: Obj) => String(r.paragraph);
const features = (part: string) => ({
	get: (raw: Raw) => ((raw[part] as Obj | null)?.features as Obj[] | undefined) ?? null,
	set: (raw: Raw, records: Obj[]) => {
		raw[part] = { type: 'FeatureCollection', features: records };
	}
});
const list = (part: string) => ({
	get: (raw: Raw) => (raw[part] as Obj[] | null) ?? null,
	set: (raw: Raw, records: Obj[]) => {
		raw[part] = records;
	}
});
const reading = (field: 'steps' | 'skipped') => ({
	get: (raw: Raw) => ((raw.reading as Obj | null)?.[field] as Obj[] | undefined) ?? null,
	set: (raw: Raw, records: Obj[]) => {
		raw.reading = { ...((raw.reading as Obj | null) ?? {}), [field]: records };
	}
});
export const KINDS: Kind[] = [
	{ sheet: 'sites', schema: Site, feature: true, key: byId, ...features('sites') },
	{ sheet: 'incidents', schema: Incident, feature: true, key: byId, ...features('incidents') },
	{ sheet: 'claims', schema: Claim, feature: false, key: byId, ...list('claims') },
	{ sheet: 'sources', schema: Source, feature: false, key: byId, ...list('sources') },
	{ sheet: 'reading-steps', schema: ReadingStep, feature: false, key: byParagraph, ...reading('steps') },
	{
		sheet: 'reading-skipped',
		schema: defOf(Reading).shape!.skipped!,
		feature: false,
		key: byParagraph,
		...reading('skipped')
	}
].map((k) => (k.sheet === 'reading-skipped' ? { ...k, schema: unwrap(k.schema).def.element! } : k));

/** A story's records (its files' parsed JSON, by part: sites, incidents, claims, sources, reading) as sheets. */
export function toSheets(raw: Raw): Sheets {
	const w = new Writer();
	for (const kind of KINDS) {
		const records = kind.get(raw);
		if (!records) continue;
		w.sheets[kind.sheet] ??= [];
		for (const r of records) {
			const row: Row = {};
			const key = kind.key(r);
			if (kind.feature) {
				w.flatten(r.properties as Json, FEATURE_PROPS(kind.schema), '', row, kind.sheet, key);
				w.flatten(r.geometry as Json, FEATURE_GEOMETRY(kind.schema), 'geometry', row, kind.sheet, key);
			} else w.flatten(r, kind.schema, '', row, kind.sheet, key);
			w.add(kind.sheet, row);
		}
	}
	return Object.fromEntries(
		Object.entries(w.sheets).map(([name, rows]) => [
			name,
			{ columns: [...new Set(rows.flatMap(Object.keys))], rows }
		])
	);
}

/** The sheets back into the story's parts; `raw` gives the parts the sheets do not hold (story.json). */
export function fromSheets(sheets: Sheets, raw: Raw): Raw {
	const out: Raw = { ...raw };
	const children = new Map<string, Map<string, { row: Row; line: number }[]>>();
	const tops = new Set(KINDS.map((k) => k.sheet));
	for (const [name, sheet] of Object.entries(sheets)) {
		if (tops.has(name)) continue;
		for (const col of ['of', 'n'])
			if (!sheet.columns.includes(col))
				throw new SheetError(
					`${name}.csv`,
					1,
					col,
					`is missing; every row of a list sheet names its record ("of") and its position ("n")`
				);
		const byOf = new Map<string, { row: Row; line: number; n: number }[]>();
		sheet.rows.forEach((row, i) => {
			const n = Number(row.n);
			if (!Number.isInteger(n) || n < 1)
				throw new SheetError(
					`${name}.csv`,
					i + 2,
					'n',
					`is "${row.n}"; expected the row's position in its record's list: 1, 2, 3…`
				);
			(byOf.get(row.of!) ?? byOf.set(row.of!, []).get(row.of!)!).push({ row, line: i + 2, n });
		});
		children.set(
			name,
			new Map(
				[...byOf].map(([of, rows]) => [
					of,
					rows.sort((a, b) => a.n - b.n).map(({ row, line }) => ({ row, line }))
				])
			)
		);
	}
	const reader = new Reader(children);
	for (const kind of KINDS) {
		const sheet = sheets[kind.sheet];
		if (!sheet) continue;
		const seen = new Map<string, number>();
		const records = sheet.rows.map((row, i) => {
			const line = i + 2;
			const keyColumn = kind.feature || kind.key === byId ? 'id' : 'paragraph';
			const key = row[keyColumn] ?? '';
			if (!key)
				throw new SheetError(
					`${kind.sheet}.csv`,
					line,
					keyColumn,
					`is empty; every row needs its record's ${keyColumn}`
				);
			if (seen.has(key))
				throw new SheetError(
					`${kind.sheet}.csv`,
					line,
					keyColumn,
					`repeats ${key} (row ${seen.get(key)}); give each record its own ${keyColumn}`
				);
			seen.set(key, line);
			if (!kind.feature) return (reader.read(kind.schema, '', row, kind.sheet, line, key) ?? {}) as Obj;
			const geometry = reader.read(FEATURE_GEOMETRY(kind.schema), 'geometry', row, kind.sheet, line, key);
			const props: Row = Object.fromEntries(
				Object.entries(row).filter(([c]) => c !== 'geometry' && !c.startsWith('geometry.'))
			);
			const properties = reader.read(FEATURE_PROPS(kind.schema), '', props, kind.sheet, line, key) ?? {};
			return { type: 'Feature', geometry: geometry ?? null, properties } as Obj;
		});
		kind.set(out, records);
	}
	// A list row whose record is not there would be dropped without a word.
	for (const [name, byOf] of children)
		for (const [of, rows] of byOf)
			if (!reader.consumed.has(`${name}\u0000${of}`))
				throw new SheetError(
					`${name}.csv`,
					rows[0]!.line,
					'of',
					`names ${of}, which no record of this list has; fix it to a record's id (its position after "/" for a nested list), or remove the row`
				);
	return out;
}

/** CSV text of a sheet, for spreadsheets: a byte-order mark (so Excel reads UTF-8), CRLF, formulas defused. */
export function sheetCsv(sheet: Sheet): string {
	return (
		'\ufeff' +
		Papa.unparse(
			{ fields: sheet.columns, data: sheet.rows.map((r) => sheet.columns.map((c) => r[c] ?? '')) },
			// A cell a spreadsheet would run as a formula gets an apostrophe; so does one that starts with an
			// apostrophe, so that reading back always removes exactly one.
			{ escapeFormulae: /^[=+\-@\t\r']/, newline: '\r\n' }
		)
	);
}

/** A sheet from its CSV text; a cell with a leading apostrophe loses it (sheetCsv added it). */
export function parseSheet(file: string, text: string): Sheet {
	const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), {
		delimiter: ',',
		skipEmptyLines: 'greedy'
	});
	const bad = parsed.errors[0];
	if (bad)
		throw new SheetError(file, (bad.row ?? 0) + 1, null, `${bad.message}; check the quotes on that row`);
	const [header = [], ...lines] = parsed.data;
	const unescape = (c: string) => (c.startsWith("'") ? c.slice(1) : c);
	const columns = header.map(unescape);
	lines.forEach((cells, i) => {
		if (cells.length !== columns.length)
			throw new SheetError(
				file,
				i + 2,
				null,
				`has ${cells.length} cells for ${columns.length} columns; check for a stray comma or quote`
			);
	});
	return {
		columns,
		rows: lines.map((cells) => Object.fromEntries(columns.map((c, j) => [c, unescape(cells[j] ?? '')])))
	};
}
