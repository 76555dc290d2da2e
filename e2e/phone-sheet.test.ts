// The phone's sheet: dragged by its handle, it snaps lowered, at half or at full screen.
import { expect, mapReady, sheetHandle, test } from './locators';

test.use({ viewport: { width: 390, height: 844 } });

/** Drags the sheet's handle by dy pixels (negative: up), in steps, as a finger would. */
async function dragHandle(page: import('@playwright/test').Page, dy: number) {
	const box = (await sheetHandle(page).boundingBox())!;
	const x = box.x + box.width / 2;
	const y = box.y + box.height / 2;
	await page.mouse.move(x, y);
	await page.mouse.down();
	await page.mouse.move(x, y + dy, { steps: 8 });
	await page.mouse.up();
}

test('dragging the handle raises and lowers the sheet', async ({ page }) => {
	await page.goto('/');
	await mapReady(page).waitFor();
	const handle = sheetHandle(page);
	const top = async () => (await handle.boundingBox())!.y;
	await expect(handle).toHaveAccessibleName(/half the screen|mi-hauteur/);
	const half = await top();
	// Up: full screen, the handle near the top (a strip of map stays above).
	await dragHandle(page, -150);
	await expect(handle).toHaveAccessibleName(/full screen: lower/);
	await expect.poll(top).toBeLessThan(half - 200);
	// Down twice: half, then lowered, the handle near the bottom.
	await dragHandle(page, 150);
	await expect(handle).toHaveAccessibleName(/half the screen/);
	await expect.poll(top).toBe(half);
	await dragHandle(page, 150);
	await expect(handle).toHaveAttribute('aria-expanded', 'false');
	await expect.poll(top).toBeGreaterThan(half + 200);
	// A short move is a tap, not a drag: it cycles once (lowered to half).
	await dragHandle(page, -10);
	await expect(handle).toHaveAccessibleName(/half the screen/);
});
