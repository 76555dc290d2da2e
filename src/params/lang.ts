import type { ParamMatcher } from '@sveltejs/kit';
import { isLang, langFolder } from '$lib/data/langs';

/** A language folder (`/en/`): every language but the root pages' own. */
export const match = ((param: string) => isLang(param) && langFolder(param) !== '') satisfies ParamMatcher;
