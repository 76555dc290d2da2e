import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_VIEW, firstViewDrawn } from './first-view';

const settled = (p: Promise<unknown>, ms: number) =>
	Promise.race([p.then(() => true), new Promise((r) => setTimeout(() => r(false), ms))]);

afterEach(() => performance.clearMarks(FIRST_VIEW));

describe('firstViewDrawn', () => {
	it('waits for the first view, even when the page has long loaded', async () => {
		const drawn = firstViewDrawn(Promise.resolve(), 60_000);
		expect(await settled(drawn, 50)).toBe(false);
		performance.mark(FIRST_VIEW);
		expect(await settled(drawn, 1000)).toBe(true);
	});
	it('counts a first view drawn before it was asked', async () => {
		performance.mark(FIRST_VIEW);
		expect(await settled(firstViewDrawn(new Promise(() => {}), 60_000), 1000)).toBe(true);
	});
	it('gives up waiting some time after load when the map never draws (no WebGL)', async () => {
		let load = () => {};
		const drawn = firstViewDrawn(new Promise<void>((r) => (load = r)), 30);
		expect(await settled(drawn, 100)).toBe(false);
		load();
		expect(await settled(drawn, 1000)).toBe(true);
	});
});
