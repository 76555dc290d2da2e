// Modules generated at build time by plugins in vite.config.ts.
declare module 'virtual:story-incidents' {
	/** The validated story's incidents: inline on the server, a fetched JSON file in the browser. */
	const loadIncidents: () => Promise<import('$lib/data/schema').Incident[]>;
	export default loadIncidents;
}

declare module 'virtual:offline-copy' {
	/** What the offline copy carries (vite.config.ts); null in the site's own build. */
	const copy: import('$lib/data/carried-files').OfflineCopy | null;
	export default copy;
}
