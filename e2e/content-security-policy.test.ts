// Every page carries a strict Content Security Policy (src/lib/server/content-security-policy.js);
// the guard in locators.ts fails every other test on anything it refuses.
import { createHash } from 'node:crypto';
import { expect, test } from './locators';

const PAGES = [
	'/',
	'/site/airport',
	'/incident/akimat-fire',
	'/claim/two-beheaded',
	'/en/',
	'/en/claim/two-beheaded',
	'/200.html'
];

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

function policyOf(html: string): Map<string, string[]> {
	const content = /<meta http-equiv="content-security-policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
	return new Map(
		content
			.replace(/&#39;/g, "'")
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.map(([name, ...sources]) => [name!, sources])
	);
}

for (const path of PAGES)
	test(`${path}: a strict policy that governs every script and style in the page`, async ({ request }) => {
		const html = await (await request.get(path)).text();
		const policy = policyOf(html);
		expect(policy.get('default-src')).toEqual(["'none'"]);
		for (const [directive, sources] of [
			['connect-src', ["'self'"]],
			['img-src', ["'self'", 'data:']],
			['font-src', ["'self'"]],
			['worker-src', ["'self'"]],
			['manifest-src', ["'self'"]],
			['object-src', ["'none'"]],
			['base-uri', ["'none'"]],
			['form-action', ["'none'"]]
		] as const)
			expect(policy.get(directive), directive).toEqual(sources);
		// Scripts: our origin, and inline ones only by hash.
		const scripts = policy.get('script-src')!;
		expect(scripts[0]).toBe("'self'");
		expect(scripts.slice(1).every((s) => /^'sha256-[\w+/=]+'$/.test(s))).toBe(true);
		// The policy comes before any script, stylesheet or link it is to govern...
		const meta = html.indexOf('<meta http-equiv="content-security-policy"');
		expect(meta).toBeGreaterThan(0);
		expect(html.slice(0, meta)).not.toMatch(/<script|<link|<style/);
		// ...and each inline script that runs (not JSON data) is listed by its hash.
		const inline = [...html.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
		expect(inline.length).toBeGreaterThanOrEqual(path === '/200.html' ? 3 : 2);
		for (const code of inline) expect(scripts).toContain(sha256(code));
		// No style attribute anywhere in the prerendered HTML (the policy would refuse it).
		expect(html).not.toMatch(/<[a-z][^>]*\sstyle=/i);
	});

test('the policy is enforced: an injected inline script and an inline event handler are refused, and reported', async ({
	browser,
	baseURL
}) => {
	// A page of its own: the guard would count these two refusals, which are the point here.
	const page = await browser.newPage({ baseURL });
	await page.addInitScript(() => {
		(window as unknown as { refused: string[] }).refused = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			(window as unknown as { refused: string[] }).refused.push(e.effectiveDirective)
		);
	});
	await page.goto('/');
	// What an injection into the page would try. (eval cannot be tried from here: the browser lets
	// the test's own evaluated code run it.)
	const ran = await page.evaluate(() => {
		const script = document.createElement('script');
		script.textContent = 'window.injected = true';
		document.head.append(script);
		const button = document.createElement('button');
		button.setAttribute('onclick', 'window.clicked = true');
		document.body.append(button);
		button.click();
		button.remove();
		return { injected: 'injected' in window, clicked: 'clicked' in window };
	});
	expect(ran).toEqual({ injected: false, clicked: false });
	await expect
		.poll(() => page.evaluate(() => (window as unknown as { refused: string[] }).refused.sort()))
		.toEqual(['script-src-attr', 'script-src-elem']);
	await page.close();
});
