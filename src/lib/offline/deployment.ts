// Which deployment a page belongs to: every page names its build's version in a meta element
// (hooks.server.ts), so a service worker of an older deployment can tell a newer page from its own.

/** The meta element's name: `<meta name="deployment" content="<Kit's version>">`. */
export const DEPLOYMENT_META = 'deployment';

/** The deployment a page's HTML names, or null when it names none (a page of no build of ours). */
export function deploymentOf(html: string): string | null {
	const m = new RegExp(`<meta name="${DEPLOYMENT_META}" content="([^"]*)"`).exec(html);
	return m ? m[1]! : null;
}

/**
 * The deployment a page's response names, read from its head alone (the meta element comes before
 * `</head>`), so the page itself need not wait for its whole body.
 */
export async function deploymentOfPage(response: Response): Promise<string | null> {
	const reader = response.body?.getReader();
	if (!reader) return null;
	const decoder = new TextDecoder();
	let head = '';
	for (;;) {
		const { done, value } = await reader.read();
		if (value) head += decoder.decode(value, { stream: true });
		if (done || head.includes('</head>')) break;
	}
	await reader.cancel().catch(() => {});
	return deploymentOf(head);
}
