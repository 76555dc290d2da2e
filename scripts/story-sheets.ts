// `npm run story:export-sheets [-- <story folder>] [--out <dir>]`: the story's records as CSV, one per
// record kind (src/lib/server/sheets.ts), in <story>/sheets/ by default.
// `npm run story:import-sheets [-- <story folder>] [--from <dir>]`: reads them back into the story's
// JSON, validated first; a problem stops it with the sheet, row, column and fix, and writes nothing.
// Only files whose records changed are rewritten, formatted as the rest of the repository (Prettier).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import * as prettier from 'prettier';
import {
	KINDS,
	SheetError,
	childSheet,
	fromSheets,
	parseSheet,
	sheetCsv,
	toSheets,
	type Sheets
} from '../src/lib/server/sheets';
import {
	STORY_FILES,
	formatError,
	validateStory,
	type DataError,
	type RawStory
} from '../src/lib/data/validate';
import { STORY_DIR, readStory } from '../src/lib/server/geodata';

const SHEET_PARTS = ['sites', 'incidents', 'claims', 'sources', 'reading'] as const;

/** Where a validator's problem sits in the sheets: sheet, row and column, as an author finds it. */
export function locate(e: DataError, sheets: Sheets): string {
	const part = (Object.entries(STORY_FILES) as [string, string][]).find(([, f]) => f === e.file)?.[0];
	const sheet = part === 'reading' ? 'reading-steps' : part;
	const rows = sheet ? sheets[sheet]?.rows : undefined;
	if (!sheet || !rows) return e.file;
	const field = e.field.replace(/^properties\./, '');
	const at = rows.findIndex((r) => r.id === e.record || r.paragraph === e.record);
	const inList = /^([^.]+)\.(\d+)(?:\.(.+))?$/.exec(field);
	const child = inList && childSheet(sheet, inList[1]!);
	if (inList && child && sheets[child]) {
		const n = String(Number(inList[2]) + 1);
		const row = sheets[child].rows.findIndex((r) => r.of === e.record && r.n === n);
		return `${child}.csv, row ${row < 0 ? '?' : row + 2} (of ${e.record}, n ${n}), column ${inList[3] ?? '(row)'}`;
	}
	return `${sheet}.csv, row ${at < 0 ? '?' : at + 2} (${e.record}), column ${field}`;
}

function option(args: string[], name: string): string | undefined {
	const i = args.indexOf(name);
	return i >= 0 ? args[i + 1] : undefined;
}

async function exportSheets(dir: string, out: string) {
	const { raw, errors } = readStory(dir);
	if (errors.length) {
		for (const e of errors) console.error(formatError(e));
		process.exit(1);
	}
	const sheets = toSheets(raw as never);
	mkdirSync(out, { recursive: true });
	for (const [name, sheet] of Object.entries(sheets))
		writeFileSync(join(out, `${name}.csv`), sheetCsv(sheet));
	console.log(
		`Wrote ${Object.keys(sheets).length} sheets to ${out}/: ${Object.entries(sheets)
			.map(([n, s]) => `${n} (${s.rows.length})`)
			.join(
				', '
			)}.\nEdit them in a spreadsheet (save as CSV, UTF-8), then: npm run story:import-sheets -- ${dir}\nColumns: AUTHORING.md, "Spreadsheets".`
	);
}

async function importSheets(dir: string, from: string) {
	if (!existsSync(from)) {
		console.error(`✗ ${from}: no sheets there; write them first with npm run story:export-sheets -- ${dir}`);
		process.exit(1);
	}
	const { raw, errors } = readStory(dir);
	if (errors.length) {
		for (const e of errors) console.error(formatError(e));
		process.exit(1);
	}
	let sheets: Sheets;
	let next: Record<string, unknown>;
	try {
		sheets = Object.fromEntries(
			readdirSync(from)
				.filter((f) => f.endsWith('.csv'))
				.map((f) => [f.slice(0, -4), parseSheet(f, readFileSync(join(from, f), 'utf8'))])
		);
		const known = new Set(KINDS.map((k) => k.sheet));
		if (!Object.keys(sheets).some((s) => known.has(s)))
			throw new SheetError(from, null, null, `holds none of ${[...known].map((s) => `${s}.csv`).join(', ')}`);
		next = fromSheets(sheets, raw as never);
	} catch (e) {
		if (!(e instanceof SheetError)) throw e;
		console.error(`✗ ${e.message}\nNothing was written.`);
		process.exit(1);
	}
	const result = validateStory(next as RawStory);
	if (!result.ok) {
		console.error(`✗ the sheets in ${from} make an invalid story (${result.errors.length} problem(s)):`);
		for (const e of result.errors) console.error(`  ${locate(e, sheets)}: ${e.message}  [${formatError(e)}]`);
		console.error('Nothing was written. Fix those cells and import again.');
		process.exit(1);
	}
	// Every changed file is written beside itself first, then all are renamed: nothing half-written.
	const changed = SHEET_PARTS.filter((p) => next[p] !== undefined && !isDeepStrictEqual(next[p], raw[p]));
	const staged: [string, string][] = [];
	try {
		for (const part of changed) {
			const file = join(dir, STORY_FILES[part]);
			const options = (await prettier.resolveConfig(file)) ?? {};
			const text = await prettier.format(JSON.stringify(next[part]), { ...options, filepath: file });
			writeFileSync(`${file}.tmp`, text);
			staged.push([`${file}.tmp`, file]);
		}
	} catch (e) {
		for (const [tmp] of staged) rmSync(tmp, { force: true });
		throw e;
	}
	for (const [tmp, file] of staged) renameSync(tmp, file);
	console.log(
		changed.length
			? `✓ ${dir}: rewrote ${changed.map((p) => STORY_FILES[p]).join(', ')} from ${from}/`
			: `✓ ${dir}: the sheets hold the same records as the JSON; nothing to write`
	);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const [command, ...args] = process.argv.slice(2);
	const dir = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? STORY_DIR;
	if (command === 'export') await exportSheets(dir, option(args, '--out') ?? join(dir, 'sheets'));
	else if (command === 'import') await importSheets(dir, option(args, '--from') ?? join(dir, 'sheets'));
	else {
		console.error('Usage: tsx scripts/story-sheets.ts export|import [story folder] [--out|--from <dir>]');
		process.exit(1);
	}
}
