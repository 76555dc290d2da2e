// English readers get English pages (`/en/`, `/en/claim/two-beheaded`): their prerendered HTML, for
// link previews and readers without scripts, and the links the app writes for them.
import { expect, printInset, test } from './locators';

/** What a scraper reads: the prerendered HTML's head, no script run. */
function headOf(html: string) {
	const attr = (re: RegExp) => re.exec(html)?.[1] ?? null;
	return {
		lang: attr(/<html lang="([^"]+)"/),
		title: attr(/<title>([^<]*)<\/title>/),
		description: attr(/<meta name="description" content="([^"]*)"/),
		locale: attr(/<meta property="og:locale" content="([^"]*)"/),
		localeAlternate: attr(/<meta property="og:locale:alternate" content="([^"]*)"/),
		image: attr(/<meta property="og:image" content="([^"]*)"/),
		canonical: attr(/<link rel="canonical" href="([^"]*)"/),
		alternates: Object.fromEntries(
			[...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1], m[2]])
		)
	};
}

const SITE = 'http://localhost:4173';

test('the English pages are prerendered in English, with English preview tags', async ({ request }) => {
	for (const [path, title, description] of [
		['/en/', /^Almaty, January 2022: what one article says/, /^Protests that began over a fuel price rise/],
		[
			'/en/claim/two-beheaded',
			/^Two of those security personnel were reportedly beheaded\./,
			/^Almaty's military/
		]
	] as const) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(200);
		const head = headOf(await response.text());
		expect(head.lang, path).toBe('en');
		expect(head.title, path).toMatch(title);
		expect(head.description, path).toMatch(description);
		expect(head.locale, path).toBe('en_GB');
		expect(head.localeAlternate, path).toBe('fr_FR');
		expect(head.canonical, path).toBe(SITE + path);
		const french = path.replace(/^\/en\//, '/');
		expect(head.alternates, path).toEqual({ fr: SITE + french, en: SITE + path, 'x-default': SITE + french });
		// The preview card is the English one, and it is there.
		expect(head.image, path).toMatch(/\/og\/en\//);
		const card = await request.get(new URL(head.image!).pathname);
		expect(card.headers()['content-type'], path).toBe('image/png');
	}
});

test('the French pages point to their English counterparts', async ({ request }) => {
	for (const [path, english] of [
		['/', '/en/'],
		['/claim/two-beheaded', '/en/claim/two-beheaded']
	] as const) {
		const head = headOf(await (await request.get(path)).text());
		expect(head.lang, path).toBe('fr');
		expect(head.locale, path).toBe('fr_FR');
		expect(head.alternates, path).toEqual({ fr: SITE + path, en: SITE + english, 'x-default': SITE + path });
		expect(head.image, path).not.toMatch(/\/og\/en\//);
	}
});

test('an English reader’s link is the English page, and opens in English for anyone', async ({
	page,
	context,
	browser,
	baseURL
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
	await page.goto('/?site=akimat');
	await expect(page).toHaveURL(/\/en\/\?site=akimat(#|$)/);
	await expect(page).toHaveTitle(/^Almaty, January 2022: what one article says/);
	await page.getByRole('button', { name: 'Share', exact: true }).click();
	const link = await page.evaluate(() => navigator.clipboard.readText());
	expect(new URL(link).pathname).toBe('/en/');

	const french = await browser.newContext({ locale: 'fr-FR' });
	const other = await french.newPage();
	await other.goto(link);
	await expect(other.getByRole('heading', { level: 1 })).toHaveText(/Almaty, January 2022/);
	await expect(other.locator('html')).toHaveAttribute('lang', 'en');
	await expect(other.getByRole('heading', { level: 2, name: /Almaty City Akimat/ })).toBeVisible();
	await french.close();
});

test.describe('older links', () => {
	test.use({ locale: 'fr-FR' });
	test('?lang=en still opens in English, and moves to the English page', async ({ page }) => {
		await page.goto('/claim/two-beheaded?lang=en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Almaty, January 2022/);
		await expect(page).toHaveTitle(/^Two of those security personnel were reportedly beheaded\./);
		await expect(page).toHaveURL(/\/en\/\?claim=two-beheaded(#|$)/);
	});

	test('the title follows the language the reader switches to', async ({ page }) => {
		await page.goto('/en/claim/two-beheaded');
		await expect(page).toHaveTitle(/^Two of those security personnel/);
		await page.getByRole('button', { name: 'Français' }).click();
		await expect(page).toHaveTitle(/^Deux de ces membres des forces de sécurité/);
		await expect(page).toHaveURL(/\/\?lang=fr&claim=two-beheaded(#|$)/);
		await page.getByRole('button', { name: 'English' }).click();
		await expect(page).toHaveTitle(/^Two of those security personnel/);
		await expect(page).toHaveURL(/\/en\/\?claim=two-beheaded(#|$)/);
	});
});

test('a printed English card shows its map with English names', async ({ page, request }) => {
	await page.goto('/en/site/republic-square');
	await expect(printInset(page)).toHaveAttribute('src', /\/og\/en\/site\/republic-square-inset\.svg$/);
	const svg = await (await request.get('/og/en/site/republic-square-inset.svg')).text();
	expect(svg).toContain('>Republic Square<');
	expect(svg).not.toContain('Place de la République');
});
