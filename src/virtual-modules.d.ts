// Modules generated at build time by plugins in vite.config.ts.
declare module 'virtual:story-incidents' {
	const incidents: import('$lib/data/schema').Incident[];
	export default incidents;
}
