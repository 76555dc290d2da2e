import type { ParamMatcher } from '@sveltejs/kit';
import { SELECTION_KINDS } from '$lib/types/view';

export const match = ((param: string) =>
	(SELECTION_KINDS as readonly string[]).includes(param)) satisfies ParamMatcher;
