// Closed lists the browser needs at run time (the legend's statuses, the figures chart's measures),
// apart from the zod schema, like langs.ts: importing a value from schema.ts would ship zod, whose
// start-up probe of \`new Function\` the page's Content Security Policy refuses.

export const STATUSES = ['confirmed', 'attributed', 'unverified', 'disputed'] as const;
export type Status = (typeof STATUSES)[number];

/**
 * `attackers-killed`: people the authorities say they killed as "attackers" (their word, kept as such).
 * `victims`: everyone an authority counts as a victim, dead, injured or otherwise harmed, not only the injured.
 */
export const MEASURES = [
	'dead',
	'security-dead',
	'attackers-killed',
	'injured',
	'victims',
	'hospitalised',
	'intensive-care'
] as const;
