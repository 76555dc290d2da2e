// Widths of text set in our WOFF fonts, read from the fonts' own advance widths, so labels drawn at
// build time (build-og.ts) can be placed before satori or a browser sets them.
// WOFF 1.0: https://www.w3.org/TR/WOFF/ ; the tables: https://learn.microsoft.com/typography/opentype/spec/
import { inflateSync } from 'node:zlib';

/** One font file's advance widths by code point, in em. */
export type Advances = Map<number, number>;

function tables(woff: Uint8Array): Map<string, DataView> {
	const v = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
	if (v.getUint32(0) !== 0x774f4646) throw new Error('not a WOFF 1.0 font');
	const out = new Map<string, DataView>();
	for (let i = 0, n = v.getUint16(12); i < n; i++) {
		const e = 44 + i * 20;
		const tag = String.fromCharCode(...woff.subarray(e, e + 4));
		const [offset, comp, orig] = [v.getUint32(e + 4), v.getUint32(e + 8), v.getUint32(e + 12)];
		const raw = woff.subarray(offset, offset + comp);
		const data = comp < orig ? inflateSync(raw) : raw;
		out.set(tag, new DataView(data.buffer, data.byteOffset, data.byteLength));
	}
	return out;
}

/** The advance width (in em) of every character a WOFF font maps, from its cmap and hmtx. */
export function readAdvances(woff: Uint8Array): Advances {
	const t = tables(woff);
	const [head, hhea, hmtx, cmap] = ['head', 'hhea', 'hmtx', 'cmap'].map((k) => t.get(k));
	if (!head || !hhea || !hmtx || !cmap) throw new Error('a font table is missing (head, hhea, hmtx, cmap)');
	const unitsPerEm = head.getUint16(18);
	const nMetrics = hhea.getUint16(34);
	const advance = (glyph: number) => hmtx.getUint16(4 * Math.min(glyph, nMetrics - 1)) / unitsPerEm;
	const out: Advances = new Map();
	// The Windows Unicode subtable: format 12 (full range) or format 4 (BMP).
	for (let i = 0, n = cmap.getUint16(2); i < n; i++) {
		const [platform, encoding, offset] = [
			cmap.getUint16(4 + i * 8),
			cmap.getUint16(6 + i * 8),
			cmap.getUint32(8 + i * 8)
		];
		if (platform !== 3 || (encoding !== 1 && encoding !== 10)) continue;
		const format = cmap.getUint16(offset);
		if (format === 12) {
			for (let g = 0, groups = cmap.getUint32(offset + 12); g < groups; g++) {
				const o = offset + 16 + g * 12;
				const [start, end, glyph] = [cmap.getUint32(o), cmap.getUint32(o + 4), cmap.getUint32(o + 8)];
				for (let c = start; c <= end; c++) out.set(c, advance(glyph + c - start));
			}
		} else if (format === 4) {
			const segs = cmap.getUint16(offset + 6) / 2;
			const ends = offset + 14;
			const starts = ends + segs * 2 + 2;
			const deltas = starts + segs * 2;
			const ranges = deltas + segs * 2;
			for (let s = 0; s < segs; s++) {
				const [end, start] = [cmap.getUint16(ends + s * 2), cmap.getUint16(starts + s * 2)];
				const [delta, range] = [cmap.getInt16(deltas + s * 2), cmap.getUint16(ranges + s * 2)];
				for (let c = start; c <= end && c !== 0xffff; c++) {
					const glyph = range
						? cmap.getUint16(ranges + s * 2 + range + (c - start) * 2)
						: (c + delta) & 0xffff;
					if (glyph) out.set(c, advance(range && glyph ? (glyph + delta) & 0xffff : glyph));
				}
			}
		}
		if (out.size) break;
	}
	return out;
}

/**
 * Measures a string at a size (px), taking each character from the first font that has it, as
 * satori and browsers do with a family list. Kerning is left out: widths come out slightly wide,
 * which only leaves a label a little more room.
 */
export function measure(text: string, size: number, fonts: readonly Advances[]): number {
	let em = 0;
	for (const ch of text) {
		const c = ch.codePointAt(0)!;
		const w = fonts.find((f) => f.has(c))?.get(c);
		em += w ?? 0.6;
	}
	return em * size;
}
