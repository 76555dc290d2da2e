// The embed that sizes itself. The embedded page (`?embed=1`) and the page around it speak
// Datawrapper's convention (https://developer.datawrapper.de/docs/responsive-iframe): the frame posts
// `{ "datawrapper-height": { <id>: <pixels> } }` to its parent whenever its height changes, and the
// parent sets that height on the iframe whose window sent it. A newsroom page that already carries
// Datawrapper's embed script resizes ours with nothing added; any other runs the few lines the
// snippet brings.

export const HEIGHT_MESSAGE = 'datawrapper-height';
/** The key under which the height is posted (Datawrapper's own listener matches the frame, not the key). */
export const FRAME_KEY = 'claims-map';
/** The iframe's height before its page says its own (and where the host strips the snippet's script). */
export const FIRST_HEIGHT = 600;
/** A frame never asks for more than this, so a faulty page cannot stretch the host's page without end. */
export const MAX_HEIGHT = 5000;

export const heightMessage = (px: number) => ({ [HEIGHT_MESSAGE]: { [FRAME_KEY]: Math.ceil(px) } });

/** Posts `el`'s height to `parent` now and whenever it changes; returns what stops it. */
export function postHeight(el: HTMLElement, parent: Window): () => void {
	let last = -1;
	const observer = new ResizeObserver(() => {
		const px = Math.ceil(el.getBoundingClientRect().height);
		if (px === last) return;
		last = px;
		// The height is no secret, and the host's origin is not known here: any parent may read it.
		parent.postMessage(heightMessage(px), '*');
	});
	observer.observe(el);
	return () => observer.disconnect();
}

/**
 * The script the snippet ships, plain ES5 for any host page: it takes heights only from `origin`
 * (the map's site) and only for the iframe whose window sent them.
 */
export const resizeScript = (origin: string) =>
	`window.addEventListener("message",function(e){var h=e.data&&e.data["${HEIGHT_MESSAGE}"];` +
	`if(e.origin!==${JSON.stringify(origin)}||!h)return;` +
	`document.querySelectorAll("iframe").forEach(function(f){if(f.contentWindow!==e.source)return;` +
	`for(var k in h){var n=+h[k];if(n>0&&n<=${MAX_HEIGHT})f.style.height=n+"px"}})});`;

const ENTITY: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' };
const attr = (v: string) => v.replace(/[&"<>]/g, (c) => ENTITY[c]!);

/** The code a newsroom pastes: the iframe, and the script that gives it its page's height. */
export const embedSnippet = (src: string, title: string) =>
	`<iframe src="${attr(src)}" width="100%" height="${FIRST_HEIGHT}" style="border:0" loading="lazy" title="${attr(title)}"></iframe>\n` +
	`<script>${resizeScript(new URL(src).origin)}</script>`;
