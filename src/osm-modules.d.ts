// Type shims for the two build-time OpenStreetMap readers, which ship no types of their own.
declare module 'tiny-osmpbf' {
	export default function tinyOsmPbf(data: Uint8Array): { elements: unknown[] };
}
declare module 'osmtogeojson' {
	export default function osmtogeojson(
		data: unknown,
		options?: { flatProperties?: boolean }
	): { type: 'FeatureCollection'; features: import('geojson').Feature[] };
}
