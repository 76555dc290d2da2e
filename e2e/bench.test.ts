import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

// The benchmark's quick mode runs here so it cannot rot. Timings are never checked (machines are
// noisy); only that it runs each of its code paths once and writes well-formed results.
test('npm run bench -- --quick --lighthouse runs and writes well-formed results', () => {
	// One run of each kind at 1k, the real story's build and three Lighthouse audits: a few minutes on
	// a quiet machine, over ten on a loaded one.
	test.setTimeout(1_200_000);
	const out = execFileSync('npm', ['run', '-s', 'bench', '--', '--quick', '--lighthouse'], {
		encoding: 'utf8',
		timeout: 1_190_000
	});
	const file = /results: (\S+\.json)/.exec(out)?.[1];
	expect(file, out).toBeTruthy();
	expect(out).toMatch(
		/\| first idle \(ms\) \| [\d.]+ \/ [\d.]+ \/ [\d.]+ \| [\d.]+ \/ [\d.]+ \/ [\d.]+ \| [\d.]+× \|/
	);
	const json = JSON.parse(readFileSync(file!, 'utf8'));
	expect(json.mode).toBe('quick');
	expect(json.machine.cpus).toBeGreaterThan(0);
	expect(json.chromium).toMatch(/^\d+\./);
	expect(json.versions['maplibre-gl']).toMatch(/^\d+\.\d+\.\d+$/);
	expect(json.results).toHaveLength(1);
	const r = json.results[0];
	expect(r.incidents).toBe(1000);
	const wellFormed = (side: Record<string, { min: number; median: number; max: number }>, metric: string) => {
		const s = side[metric];
		expect(Number.isFinite(s?.median), metric).toBe(true);
		expect(s!.min <= s!.median && s!.median <= s!.max, metric).toBe(true);
		return s!.median;
	};
	for (const side of [r.app, r.bare]) {
		for (const metric of [
			'first idle (ms)',
			'toggle to idle (ms)',
			'filter to idle (ms)',
			'JS heap after GC (MB)',
			'worker JS heap after GC (MB)',
			'frame gap p95 (ms)',
			'long tasks to first idle (ms)',
			// The phone: its own load, throttled, and a drag once the map is ready.
			'4× phone: first idle (ms)',
			'4× phone: map ready (ms)',
			'4× phone: long tasks to first idle (ms)',
			'4× phone: blocking over 50 ms to first idle (ms)',
			'4× phone: pan after map ready, to moved map (ms)'
		])
			wellFormed(side, metric);
		// Counted at the server, so the worker's own fetches show up too.
		for (const metric of ['bytes gzip: basemap (KB)', 'bytes gzip: data (KB)'])
			expect(wellFormed(side, metric), metric).toBeGreaterThan(0);
		// Counted by wrapping WebGL in the page: both pages draw with some programs.
		for (const metric of ['WebGL programs by first idle', '4× phone: WebGL programs by first idle'])
			expect(wellFormed(side, metric), metric).toBeGreaterThan(0);
	}
	// Taps during load: only the app has a panel to tap.
	for (const metric of ['4× phone: toggle tap to painted (ms)', '4× phone: claim tap to painted (ms)'])
		expect(wellFormed(r.app, metric), metric).toBeGreaterThan(0);
	expect(r.bare['4× phone: toggle tap to painted (ms)']).toBeUndefined();
	// Every goal is reported, met or not, with its figure.
	const goals = r.goals.app as { goal: string; figure: string; met: boolean | null }[];
	expect(goals.map((g) => g.goal).join('\n')).toMatch(
		/first idle[^]*blocking[^]*toggle[^]*claim[^]*JavaScript/
	);
	for (const g of goals) {
		expect(typeof g.met === 'boolean', g.goal).toBe(true);
		expect(out).toContain(`| ${g.goal} | ${g.figure} |`);
	}
	// Lighthouse is optional, but when asked for it must have scored each page, not just run.
	expect(out).not.toMatch(/Lighthouse skipped/);
	const scored = (s: Record<string, number>) => {
		for (const category of ['performance', 'accessibility', 'best practices', 'seo'])
			expect(s[category]! >= 0 && s[category]! <= 100, category).toBe(true);
		for (const metric of ['TBT (ms)', 'TTI (ms)', 'LCP (ms)', 'FCP (ms)'])
			expect(s[metric]! >= 0, metric).toBe(true);
	};
	scored(r.lighthouse.app['/'].desktop);
	scored(json.story.lighthouse.app['/en/'].mobile);
	// The bare page's only content is its canvas: no LCP, so no performance score, but it is audited.
	const bare = json.story.lighthouse.bare['/__bare/'].desktop;
	expect(bare.accessibility).toBeGreaterThan(0);
	expect(bare['FCP (ms)']).toBeGreaterThan(0);
	expect(json.story.goals.app).toEqual([
		expect.objectContaining({ goal: 'Lighthouse mobile ≥ 80, /en/', met: expect.any(Boolean) })
	]);
});
