import { withIncidents } from '$lib/data/story-incidents';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ data }) => withIncidents(data);
