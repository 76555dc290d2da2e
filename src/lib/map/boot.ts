// What the map needs to open before the page has its data or has hydrated: MapView writes it into
// the prerendered HTML, and the map starts from it (and from the address) as soon as MapLibre is
// loaded. No MapLibre here: this module is part of the first-load bundle.
import type { Layer } from '$lib/data/schema';
import { storyDays, defaultLayersOf, type MapFiles, type StoryIndex } from '$lib/data/story-index';
import { jsonScript } from '$lib/share/json-script';
import type { DayRange } from '$lib/data/time';
import type { Bounds } from './bounds';

export interface MapBoot {
	layers: Layer[];
	defaultLayers: string[];
	/** The story's first and last days, for reading `from`/`to` in the address. */
	days: DayRange;
	/** The story's local time (story.json timeZone.utcOffset): the day range in ms for the map's filter. */
	utcOffset: string;
	bounds: Bounds;
	maxZoom: number;
	/** Key sites and their anchors: pointed to from the map's edge when out of view. */
	keySites: { id: string; at: [number, number] }[];
	/** The map's data files of this deployment, named after their content. */
	files: MapFiles;
}

export const BOOT_ID = 'map-boot';
/** `performance` marks: the live map is being built; it has drawn its opening view and answers pans. */
export const MAP_START = 'story:map-start';
export const MAP_READY = 'story:map-ready';

/**
 * Whether the live map starts as soon as MapLibre is here. On a desktop (fine pointer, wide) it does.
 * On a phone its start (shaders, tiles: seconds of a cheap phone's main thread) waits until the page
 * answers input, or a tap on the map's picture asks for it; the picture stands for it meanwhile.
 */
export const startsAtOnce = () => matchMedia('(pointer: fine) and (min-width: 761px)').matches;
export const MAP_ID = 'story-map';

export function bootOf(index: StoryIndex): MapBoot {
	const { story } = index.data;
	return {
		layers: story.layers,
		defaultLayers: defaultLayersOf(story),
		days: storyDays(story),
		utcOffset: story.timeZone.utcOffset,
		bounds: index.facts.openingBounds,
		maxZoom: story.defaultView.maxZoom,
		keySites: index.data.sites
			.filter((s) => s.properties.key)
			.map((s) => ({ id: s.properties.id, at: index.siteAnchor.get(s.properties.id)! })),
		files: index.facts.mapFiles
	};
}

/** The boot data as the script element MapView writes into the page. */
export const bootScript = (boot: MapBoot) => jsonScript('application/json', boot, BOOT_ID);
