import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { measure, readAdvances } from './text-width';

const require = createRequire(import.meta.url);
const woff = (name: string) =>
	readFileSync(require.resolve(`@fontsource/noto-sans/files/noto-sans-${name}.woff`));
const latin = readAdvances(woff('latin-400-normal'));
const cyrillic = readAdvances(woff('cyrillic-400-normal'));
const latinBold = readAdvances(woff('latin-700-normal'));

describe('text width', () => {
	it("reads Noto Sans's own advance widths", () => {
		// Noto Sans: space 260, "a" 561 units per 1000 (regular).
		expect(latin.get(0x20)).toBeCloseTo(0.26, 3);
		expect(latin.get(0x61)).toBeCloseTo(0.561, 3);
		expect(latinBold.get(0x61)!).toBeGreaterThan(latin.get(0x61)!);
	});

	it('takes each letter from the first font that has it', () => {
		expect(latin.has(0x416)).toBe(false);
		expect(measure('Ж', 10, [latin, cyrillic])).toBeCloseTo(cyrillic.get(0x416)! * 10, 6);
	});

	it('scales with the size', () => {
		const w = measure('Place de la République', 20, [latin]);
		expect(measure('Place de la République', 40, [latin])).toBeCloseTo(2 * w, 6);
		expect(w).toBeGreaterThan(180);
		expect(w).toBeLessThan(240);
	});

	it('refuses what is not a WOFF file', () => {
		expect(() => readAdvances(new Uint8Array(64))).toThrow(/WOFF/);
	});
});
