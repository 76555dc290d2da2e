// The page's colours come from the palette in app.css, so its dark variant reaches every component:
// a raw colour in a component's style stays the same in both and breaks one of them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Drawn over the map, which keeps its light street style in both (README, "Dark mode"). */
const OVER_THE_MAP = new Set(['src/lib/components/MapView.svelte']);
const RAW_COLOUR = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?)\(/i;

function svelteFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? svelteFiles(join(dir, e.name)) : e.name.endsWith('.svelte') ? [join(dir, e.name)] : []
	);
}

/** `line: text` of each style line with a raw colour; shadows (a translucent black) are free. */
function rawColours(source: string): string[] {
	const start = source.indexOf('<style');
	if (start < 0) return [];
	const before = source.slice(0, start).split('\n').length;
	return source
		.slice(start)
		.split('\n')
		.map((line, i) => [before + i, line.trim()] as const)
		.filter(([, line]) => !/^(box-shadow|text-shadow):/.test(line) && line.match(RAW_COLOUR))
		.map(([n, line]) => `${n}: ${line}`);
}

describe('palette', () => {
	it('finds a raw colour in a style, and lets a shadow through', () => {
		expect(rawColours('<p></p>\n<style>\n\tp {\n\t\tcolor: #4b5563;\n\t}\n</style>')).toEqual([
			'4: color: #4b5563;'
		]);
		expect(
			rawColours('<style>\n\tp {\n\t\tbox-shadow: 0 1px 3px rgba(0, 0, 0, 0.2);\n\t}\n</style>')
		).toEqual([]);
	});

	for (const file of svelteFiles('src').filter((f) => !OVER_THE_MAP.has(f)))
		it(`${file} colours its styles from the palette`, () => {
			expect(
				rawColours(readFileSync(file, 'utf8')),
				'use a variable of src/app.css (`var(--ink)`, `var(--accent)`…), or add one there with its dark value'
			).toEqual([]);
		});
});
