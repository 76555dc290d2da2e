// The view's shared words: a camera, a selected item, what the data allows. Every folder may import
// this module (the url codec, the map, the state), so none of them imports another's types.
import type { Lang } from '$lib/data/langs';
import type { DayRange } from '$lib/data/time';

export interface Camera {
	zoom: number;
	lat: number;
	lng: number;
	bearing: number;
	pitch: number;
}

export const SELECTION_KINDS = ['site', 'incident', 'claim'] as const;
export type SelectionKind = (typeof SELECTION_KINDS)[number];
export interface Selection {
	kind: SelectionKind;
	id: string;
}

/** Anything that can say whether an id exists: a Set, or the index's own Map by id. */
export type Ids = Pick<ReadonlySet<string>, 'has'>;

/** What the data allows; anything else in a URL falls back to the default. */
export interface Known {
	sites: Ids;
	incidents: Ids;
	claims: Ids;
	/** Layer ids in registry order. */
	layers: readonly string[];
	/** The story's first and last days. */
	days: DayRange;
	/** Paragraphs the guided reading has a step for, in order; absent or empty: no guided reading. */
	steps?: readonly number[];
}

/** The map's opening state: read from the address before the page has its data (url/start.ts). */
export interface MapStart {
	lang: Lang;
	visible: readonly string[];
	range: DayRange | null;
	camera: Camera | null;
}
