// Where the state asks the camera to go: the one channel from state to camera (Dashboard.cameraTarget,
// read by MapView, carried out by StoryMap.moveTo). The camera's settled position comes back on `moveend`.
import type { Camera } from '$lib/types/view';

export type CameraTarget =
	/** Exactly this camera (a link's `#zoom/lat/lng`, Back/Forward): always a jump. */
	| { kind: 'camera'; camera: Camera }
	/**
	 * These sites whole (a selection, a pointer of several sites, a guided-reading step), no closer
	 * than `maxZoom` (default: the story's opening zoom limit). `unlessInside`: stay put when the
	 * view already lies inside them (a country-wide item seen from a street).
	 */
	| { kind: 'places'; sites: readonly string[]; maxZoom?: number; unlessInside?: boolean; animate?: boolean }
	/** The story's opening view. */
	| { kind: 'default'; animate?: boolean }
	/** Every place and every incident of the visible layers. */
	| { kind: 'data'; animate?: boolean };

/** What a selection concerns: the places it is about and the incidents it names (highlighted on the map). */
export interface Concerns {
	sites: readonly string[];
	incidents: readonly string[];
}
