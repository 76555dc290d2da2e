import { describe, expect, it } from 'vitest';
import { jsonScript } from './json-script';

describe('JSON carried in the page', () => {
	it('cannot close its script element, and reads back to the same value', () => {
		const value = { text: '</script><script>alert(1)</script>' };
		const html = jsonScript('application/json', value, 'x');
		expect(html.match(/<\/script>/g)).toHaveLength(1);
		const body = /^<script type="application\/json" id="x">(.*)<\/script>$/.exec(html)![1]!;
		expect(JSON.parse(body)).toEqual(value);
	});
});
