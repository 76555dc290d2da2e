// The incidents as the map draws them (see $lib/server/map-files.ts).
import { incidentData } from '$lib/server/map-data';
import { mapFile } from '$lib/server/map-files';

export const prerender = true;

export const GET = () => mapFile(incidentData);
