import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

// The benchmark's quick mode runs here so it cannot rot. Timings are never checked (machines are
// noisy); only that it runs and writes well-formed results.
test('npm run bench -- --quick --lighthouse runs and writes well-formed results', () => {
	test.setTimeout(300_000);
	const out = execFileSync('npm', ['run', '-s', 'bench', '--', '--quick', '--lighthouse'], {
		encoding: 'utf8',
		timeout: 290_000
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
	for (const side of [r.app, r.bare])
		for (const metric of [
			'first idle (ms)',
			'toggle to idle (ms)',
			'filter to idle (ms)',
			'JS heap after GC (MB)',
			'worker JS heap after GC (MB)',
			'frame gap p95 (ms)',
			// Counted at the server, so the worker's own fetches show up too.
			'bytes gzip: basemap (KB)',
			'bytes gzip: data (KB)'
		]) {
			const s = side[metric];
			expect(Number.isFinite(s.median), metric).toBe(true);
			expect(s.min <= s.median && s.median <= s.max, metric).toBe(true);
			if (metric.startsWith('bytes')) expect(s.median, metric).toBeGreaterThan(0);
		}
	// Lighthouse is optional, but when asked for it must have scored the app, not just run.
	expect(out).not.toMatch(/Lighthouse skipped/);
	for (const category of ['performance', 'accessibility', 'best practices', 'seo']) {
		const score = r.lighthouse[`lighthouse ${category}`];
		expect(typeof score === 'number' && score >= 0 && score <= 100, category).toBe(true);
	}
	expect(r.lighthouse['lighthouse largest-contentful-paint (ms)']).toBeGreaterThan(0);
});
