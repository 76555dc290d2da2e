// The one place e2e tests find things: roles and labels first, as a screen reader would.
import { test as base, expect, type Page } from '@playwright/test';

export const claimsRegion = (page: Page, lang: 'fr' | 'en' = 'en') =>
	page.getByRole('region', { name: lang === 'fr' ? 'Affirmations' : 'Claims' });
export const claimItems = (page: Page, lang: 'fr' | 'en' = 'en') =>
	claimsRegion(page, lang).getByRole('listitem');
export const layerToggle = (page: Page, label: RegExp) => page.getByRole('checkbox', { name: label });
/** A place in the panel's list: a link to its own page, which selects it in place when scripts run. */
export const placeLink = (page: Page, name: RegExp) =>
	page.getByRole('navigation', { name: /Places|Lieux/ }).getByRole('link', { name });
/** A claim's text in the list: a link to its own page, which selects it in place when scripts run. */
export const claimLink = (page: Page, name: RegExp, lang: 'fr' | 'en' = 'en') =>
	claimsRegion(page, lang).getByRole('link', { name });
/** A claims list's group heading ("In Almaty", "Country-wide (Kazakhstan)"). */
export const claimGroup = (page: Page, name: RegExp, lang: 'fr' | 'en' = 'en') =>
	claimsRegion(page, lang).getByRole('heading', { level: 3, name });
/** The layer checkboxes and the map's key ("Layers and legend"). */
export const legend = (page: Page) =>
	page.getByRole('group', { name: /Layers and legend|Couches et légende/ });
/** The key's fold: a one-line summary whose press opens what the symbols and statuses mean. */
export const legendKeySummary = (page: Page) =>
	legend(page).getByText(/What the symbols mean|Ce que disent les symboles/);
/** Opens the folded key (it starts folded): the one extra step before reading its symbols. */
export async function openLegendKey(page: Page) {
	const key = legend(page).locator('details');
	if (!(await key.evaluate((d: HTMLDetailsElement) => d.open))) await legendKeySummary(page).click();
	await expect(key).toHaveAttribute('open', '');
}
/** The legend's symbol for an evidence level, by its label ("Unverified / Disputed"); openLegendKey first. */
export const evidenceKey = (page: Page, label: string) =>
	legend(page).getByRole('listitem').filter({ hasText: label }).locator('svg');
/** Guided reading: the button that starts it, and the card of the step being read. */
export const readingStart = (page: Page) =>
	page.getByRole('button', {
		name: /Read the article, paragraph by paragraph|Lire l’article, paragraphe par paragraphe/
	});
export const readingCard = (page: Page) =>
	page.getByRole('region', { name: /Guided reading of the article|Lecture guidée de l’article/ });
export const readingHeading = (page: Page) => readingCard(page).getByRole('heading', { level: 2 });
export const readingButton = (page: Page, name: 'previous' | 'next' | 'close' | 'finish') =>
	readingCard(page).getByRole('button', {
		name: {
			previous: /Previous paragraph|Paragraphe précédent/,
			next: /Next paragraph|Paragraphe suivant/,
			close: /Leave the reading|Quitter la lecture/,
			finish: /Back to the full map|Revenir à la carte complète/
		}[name]
	});
export const mapReady = (page: Page) => page.locator('[data-ready="true"]');
/** The map printed with a card (an image with no text of its own: shown only on paper). */
export const printInset = (page: Page) => page.locator('img.print-inset');
/** The map's note to a reader without scripts. By CSS: Playwright's text and role engines skip <noscript>. */
export const mapScriptsNote = (page: Page) => page.locator('noscript > .map-status');

/** Runs code against the live MapLibre map the app exposes on its container. */
export async function onMap<T, A>(
	page: Page,
	fn: (map: import('maplibre-gl').Map, arg: A) => T,
	arg?: A
): Promise<T> {
	await expect(mapReady(page)).toBeVisible();
	// Through a handle, not new Function(): the page's policy refuses eval.
	const map = await page.evaluateHandle(
		() =>
			(
				document.querySelector('[data-ready="true"]') as HTMLElement & {
					storyMap: { map: import('maplibre-gl').Map };
				}
			).storyMap.map
	);
	try {
		return (await map.evaluate(fn as never, arg)) as T;
	} finally {
		await map.dispose();
	}
}

/** The incidents the map has drawn in the current view: id, evidence and the marker image used. */
export async function drawnIncidents(page: Page): Promise<{ id: string; evidence: string; image: string }[]> {
	return onMap(page, (map) =>
		map
			.queryRenderedFeatures({
				layers: map
					.getStyle()
					.layers.filter((l) => l.id.startsWith('incidents-'))
					.map((l) => l.id)
			})
			.map((f) => ({
				id: String(f.properties.id),
				evidence: String(f.properties.evidence),
				// queryRenderedFeatures gives each feature's layout evaluated for it.
				image: String(((f.layer.layout as Record<string, unknown>)['icon-image'] as { name: string }).name)
			}))
	);
}

/** Ids of the incidents the map has drawn in the current view, sorted. */
export async function renderedIncidents(page: Page): Promise<string[]> {
	return (await drawnIncidents(page)).map((f) => f.id).sort();
}

/** Waits until the map has finished rendering what it was last asked for. */
export async function mapIdle(page: Page) {
	await onMap(page, (map) =>
		map.loaded() && !map.isMoving() ? true : new Promise((r) => map.once('idle', () => r(true)))
	);
}

/** Waits until the service worker has precached this deployment and controls the page. */
export async function serviceWorkerReady(page: Page) {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller)
			await new Promise((r) =>
				navigator.serviceWorker.addEventListener('controllerchange', r, { once: true })
			);
	});
}

/** Marks what the page's Content Security Policy refused, in every frame, as a console error. */
const reportViolations = () =>
	document.addEventListener('securitypolicyviolation', (e) =>
		console.error(
			`CSP violation: ${e.effectiveDirective} refused ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`
		)
	);

/**
 * Every test fails on a page error, on anything the page's Content Security Policy refuses, or on
 * any request that leaves the app's own origin.
 * English by default, so assertions do not depend on the machine's locale.
 */
export const test = base.extend<{ guard: void; otherOrigins: string[]; expectedErrors: string[] }>({
	locale: 'en-GB',
	/** Origins a test itself stands up (an embedding page, say); nothing else may be requested. */
	otherOrigins: [[], { option: true }],
	/** Console errors a test provokes on purpose (a 404 for a removed item's data, say). */
	expectedErrors: [[], { option: true }],
	guard: [
		async ({ page, baseURL, otherOrigins, expectedErrors }, use) => {
			const problems: string[] = [];
			const origin = new URL(baseURL!).origin;
			const allowed = [origin, ...otherOrigins];
			page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
			await page.addInitScript(reportViolations);
			page.on('console', (m) => {
				const text = m.text();
				// A violation is never expected, whatever the test provokes.
				if (/^CSP violation|violates the following Content Security Policy/.test(text))
					problems.push(`policy: ${text}`);
				else if (m.type() === 'error' && !expectedErrors.some((e) => text.includes(e)))
					problems.push(`console error: ${text}`);
			});
			page.on('request', (r) => {
				const url = r.url();
				if (!allowed.some((o) => url.startsWith(o)) && !url.startsWith('data:') && !url.startsWith('blob:'))
					problems.push(`third-party request: ${url}`);
			});
			await use();
			expect(problems, problems.join('\n')).toEqual([]);
		},
		{ auto: true }
	]
});
export { expect };

/** The claim the list shows as selected (its text is the claim's button, pressed). */
export const selectedClaim = (page: Page, lang: 'fr' | 'en' = 'en') =>
	claimsRegion(page, lang).getByRole('link').and(page.locator('[aria-current="true"]'));
/** The phone's sheet handle (raises and lowers the panel over the map). */
export const sheetHandle = (page: Page) => page.getByRole('button', { name: /^(Panel|Panneau)/ });

/**
 * Whether the element's box lies inside the viewport and the element itself is what the page
 * shows at its centre (nothing, a sticky map say, covers it).
 */
export const inViewUncovered = (locator: import('@playwright/test').Locator) =>
	locator.evaluate((el) => {
		const r = el.getBoundingClientRect();
		if (r.height === 0 || r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth)
			return false;
		const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
		return !!hit && (hit === el || el.contains(hit));
	});

/** Waits until a server the test started answers `url` with 2xx, polling every `everyMs`. */
export async function waitForServer(url: string, what: string, seconds: number, everyMs = 1000) {
	for (const end = Date.now() + seconds * 1000; Date.now() < end;) {
		if (
			await fetch(url).then(
				(r) => r.ok,
				() => false
			)
		)
			return;
		await new Promise((r) => setTimeout(r, everyMs));
	}
	throw new Error(`${what} did not start within ${seconds} s`);
}
