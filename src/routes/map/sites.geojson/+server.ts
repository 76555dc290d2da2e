// The places' markers and labels as the map draws them (see $lib/server/map-files.ts).
import { placeData } from '$lib/server/map-data';
import { mapFile } from '$lib/server/map-files';

export const prerender = true;

export const GET = () => mapFile((index) => placeData(index).sites);
