// The street map's colours, one source for the live map (style.ts, street-style.ts) and the printed
// insets and preview cards (scripts/lib/inset.ts), so the paper matches the screen.
export const STREET_PALETTE = {
	/** The sea, behind everything. */
	sea: '#dde7ee',
	land: '#f4f1ea',
	border: '#8b8178',
	/** Parks, woods, sport grounds and cemeteries alike. */
	park: '#e3ead5',
	builtUp: '#efebe4',
	pedestrian: '#ebe7e0',
	aerodrome: '#eeebe5',
	apron: '#e0dcd5',
	runway: '#d6d1c9',
	water: '#cfe0ea',
	waterway: '#b9d2e0',
	building: '#e7e1d8',
	terminal: '#dcd3c7',
	buildingLine: '#d5ccbf',
	rail: '#bcb4a9',
	road: '#ffffff',
	/** Streets at city zoom, where they are hairlines with no casing to set them off. */
	roadFar: '#ddd4c7',
	path: '#d3cabd',
	casing: '#d9d1c5'
} as const;
