// The script every page runs before it paints (hooks.server.ts adds it to the head; the pages' policy
// hashes it): the language rule of src/lib/data/langs.js, as written, and what the page does with it.
// Plain JavaScript, so the build's policy can read it before Vite is there to read TypeScript.

/**
 * A reader the app will switch to the other language gets the panel hidden until the switch
 * (DashboardApp removes `relang`), so the text never changes under their eyes; if the app never
 * starts, the page's own text shows after 4 s. Its rule is in app.css.
 * @param {string} rule the source of src/lib/data/langs.js
 */
export const langScript = (rule) => `(function () {
${rule.replace(/^export /gm, '')}
var root = document.documentElement;
if (readerLang(location.search, location.pathname, navigator.languages || []) === root.lang) return;
root.classList.add('relang');
setTimeout(function () {
	root.classList.remove('relang');
}, 4000);
})();`;
