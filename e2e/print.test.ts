// The printed page: the card, its claims, every folded section open and each source's address, with
// nothing on paper that asks to be pressed, ticked or chosen.
import { claimItems, expect, mapIdle, test } from './locators';

const controls = 'button:visible, input:visible, select:visible, textarea:visible, fieldset:visible';

test('a printed card shows its claims, its folded sections open and its sources’ addresses, and no controls', async ({
	page
}) => {
	await page.goto('/incident/airport-seized?lang=fr');
	await mapIdle(page);
	const card = page.getByRole('article');
	const position = card.locator('details > p');
	const address = card.getByText('https://kloop.kg/blog/2022/01/05/orda-kz-v-almaty-zahvachen-aeroport/');
	// On screen: the controls are there, the position's source is folded, the address is the link's.
	await expect(page.locator(controls).first()).toBeVisible();
	await expect(position).toBeHidden();
	await expect(address).toBeHidden();

	await page.emulateMedia({ media: 'print' });
	await expect(page.locator(controls)).toHaveCount(0);
	await expect(card.getByRole('heading', { level: 2 })).toBeVisible();
	await expect(position).toBeVisible();
	await expect(address).toBeVisible();
	await expect(claimItems(page, 'fr').first()).toBeVisible();

	// Back on screen, the section folds again and the address gives way to the link.
	await page.emulateMedia({ media: 'screen' });
	await expect(position).toBeHidden();
	await expect(address).toBeHidden();
});
