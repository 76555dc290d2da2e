// Modules generated at build time by plugins in vite.config.ts.
declare module 'virtual:story-incidents' {
	/** The validated story's incidents: inline on the server, a fetched JSON file in the browser. */
	const loadIncidents: () => Promise<import('$lib/data/schema').Incident[]>;
	export default loadIncidents;
}
