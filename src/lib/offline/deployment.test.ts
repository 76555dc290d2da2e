import { describe, expect, it } from 'vitest';
import { deploymentOf, deploymentOfPage } from './deployment';

describe('deploymentOf', () => {
	it('reads the version a page names', () => {
		expect(deploymentOf('<head><meta name="deployment" content="1796680710669" />')).toBe('1796680710669');
	});
	it('is null for a page that names none', () => {
		expect(deploymentOf('<head><meta name="viewport" content="width=device-width" />')).toBeNull();
	});
});

describe('deploymentOfPage', () => {
	it('reads the version from the head of a page that streams in pieces', async () => {
		const parts = ['<html><head><meta name="deploy', 'ment" content="42" /></head>', '<body>'];
		let i = 0;
		const body = new ReadableStream<Uint8Array>({
			pull: (c) => (i < parts.length ? c.enqueue(new TextEncoder().encode(parts[i++])) : c.close())
		});
		expect(await deploymentOfPage(new Response(body))).toBe('42');
		// It stopped at </head>: the body was not read.
		expect(i).toBe(2);
	});
});
