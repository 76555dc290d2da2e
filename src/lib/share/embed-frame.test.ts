import { describe, expect, it } from 'vitest';
import { embedSnippet, heightMessage, MAX_HEIGHT, resizeScript } from './embed-frame';

const SITE = 'https://map.example.org';

/** Runs the snippet's script against a host page of two iframes; returns what delivers a message. */
function hostPage() {
	let listener: (e: { origin: string; source: unknown; data: unknown }) => void = () => {};
	const frames = [0, 1].map(() => ({ contentWindow: {}, style: { height: '' } }));
	const window = { addEventListener: (_: string, f: typeof listener) => (listener = f) };
	const document = { querySelectorAll: () => frames };
	new Function('window', 'document', resizeScript(SITE))(window, document);
	return {
		frames,
		send: (origin: string, source: unknown, data: unknown) => listener({ origin, source, data })
	};
}

describe('the snippet’s resize script', () => {
	it('gives the frame that asked the height it asked for', () => {
		const { frames, send } = hostPage();
		send(SITE, frames[1]!.contentWindow, heightMessage(712.2));
		expect(frames.map((f) => f.style.height)).toEqual(['', '713px']);
	});
	it('ignores other origins, other messages and heights out of range', () => {
		const { frames, send } = hostPage();
		const from = frames[0]!.contentWindow;
		send('https://elsewhere.example', from, heightMessage(400));
		send(SITE, from, 'pymxPYMxidxPYMxheightxPYMx400');
		send(SITE, from, null);
		send(SITE, from, { 'datawrapper-height': { x: 'a' } });
		send(SITE, from, heightMessage(MAX_HEIGHT + 1));
		send(SITE, from, heightMessage(0));
		expect(frames[0]!.style.height).toBe('');
	});
});

describe('embedSnippet', () => {
	it('escapes the address and title, and trusts the address’s own origin', () => {
		const code = embedSnippet(`${SITE}/en/?site=a&embed=1`, 'A "quoted" <title> & co');
		expect(code).toContain(`src="${SITE}/en/?site=a&amp;embed=1"`);
		expect(code).toContain('title="A &quot;quoted&quot; &lt;title&gt; &amp; co"');
		expect(code).toContain(`e.origin!=="${SITE}"`);
		// One iframe, then one script that nothing in it closes early.
		expect(code).toMatch(/^<iframe [^>]+><\/iframe>\n<script>(?:(?!<\/).)+<\/script>$/);
	});
});
