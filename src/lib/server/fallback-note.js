// 200.html's note for a page the app cannot show: shown by this script when the app fails to start,
// or by the style when scripts are off. Plain JavaScript, so the build's policy can hash both
// (content-security-policy.js) before Vite is there to read TypeScript.

/** Kit renders into the div that holds its start script: nothing else there means it failed. */
export const FALLBACK_SCRIPT = `(function () {
	function show() {
		if (!document.querySelector('body > div > :not(script)'))
			document.getElementById('fallback-note').hidden = false;
	}
	addEventListener('error', show);
	addEventListener('unhandledrejection', show);
})();`;

/** Inside <noscript>: without scripts the note shows at once. */
export const FALLBACK_STYLE = '#fallback-note { display: block; }';
