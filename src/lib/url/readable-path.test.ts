import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readablePath } from './readable-path';

/** What Kit's router does with a path (decode_pathname, then decode_params on each segment). */
const kitDecodes = (path: string) =>
	path.split('%25').map(decodeURI).join('%25').split('/').map(decodeURIComponent);

describe('readablePath', () => {
	it('leaves a path that decodes alone', () => {
		expect(readablePath('/site/airport')).toBeUndefined();
		expect(readablePath('/site/%C3%A9t%C3%A9')).toBeUndefined();
		expect(readablePath('/')).toBeUndefined();
	});

	it('reads a malformed segment as the literal text it is', () => {
		expect(readablePath('/site/%E0%A4%A')).toBe('/site/%25E0%25A4%25A');
		expect(readablePath('/claim/%')).toBe('/claim/%25');
		expect(readablePath('/%E0%A4%A/%C3%A9')).toBe('/%25E0%25A4%25A/%C3%A9');
		expect(kitDecodes(readablePath('/site/%E0%A4%A')!)).toEqual(['', 'site', '%E0%A4%A']);
	});

	it('gives Kit a path it can decode, whatever the address', () => {
		const segment = fc.stringMatching(/^(%[0-9A-Fa-f]{0,2}|[a-z0-9é-]|%C3%A9)*$/);
		fc.assert(
			fc.property(fc.array(segment, { maxLength: 4 }), (segments) => {
				const path = '/' + segments.join('/');
				expect(() => kitDecodes(readablePath(path) ?? path)).not.toThrow();
			})
		);
	});
});
