// Both languages' words at once, for build-time code (map files, the manifest); the browser loads
// one language at a time (src/lib/i18n/messages.ts).
import type { Lang } from '$lib/data/schema';
import type { Messages } from '$lib/i18n/messages';
import { en } from '$lib/i18n/messages-en';
import { fr } from '$lib/i18n/messages-fr';

export const MESSAGES: Record<Lang, Messages> = { fr, en };
