// JSON carried in the HTML: the map's boot record, the ClaimReview JSON-LD.
/**
 * A script element carrying JSON in the HTML (a data block, never run), "<" escaped so no text can
 * close the element.
 */
export function jsonScript(type: string, value: unknown, id?: string): string {
	const attrs = `type="${type}"${id ? ` id="${id}"` : ''}`;
	return `<script ${attrs}>${JSON.stringify(value).replace(/</g, '\\u003c')}</` + 'script>';
}
