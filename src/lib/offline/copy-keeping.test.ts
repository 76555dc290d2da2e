import { describe, expect, it } from 'vitest';
import { copyToKeep, keepCopyMessage } from './copy-keeping';

describe('copyToKeep', () => {
	it('takes a copy under the offline folder', () => {
		expect(copyToKeep(keepCopyMessage('/offline/story-3.en.html'), '/offline/')).toBe(
			'/offline/story-3.en.html'
		);
	});
	it('refuses anything else: another folder, a sub-folder, a query, another message', () => {
		for (const path of [
			'/config.json',
			'/offline/../200.html',
			'/offline/a/b.html',
			'/offline/x.html?y',
			'/offline/'
		])
			expect(copyToKeep(keepCopyMessage(path), '/offline/'), path).toBeNull();
		expect(copyToKeep('skip-waiting', '/offline/')).toBeNull();
		expect(copyToKeep(null, '/offline/')).toBeNull();
		expect(copyToKeep({ type: 'keep-offline-copy', path: 3 }, '/offline/')).toBeNull();
	});
});
