import { describe, expect, it } from 'vitest';
import { scopeOf } from './claim-scope';

describe('a claim’s scope', () => {
	it('is the city when any of its places is in the city', () => {
		expect(scopeOf(['square'])).toBe('city');
		expect(scopeOf(['country', 'city'])).toBe('city');
	});
	it('is the country when it concerns the country and no place in the city, a town included', () => {
		expect(scopeOf(['country'])).toBe('country');
		expect(scopeOf(['country', 'town'])).toBe('country');
	});
	it('is elsewhere for any other place', () => {
		expect(scopeOf(['town'])).toBe('elsewhere');
		expect(scopeOf([])).toBe('elsewhere');
	});
});
