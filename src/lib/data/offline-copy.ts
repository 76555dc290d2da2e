// The offline copy (`npm run pack`): the whole story in one HTML file that opens from disk. In the
// site's build `offlineCopy` is null; in the copy's, it holds what the copy carries inside itself.
import copy from 'virtual:offline-copy';
import type { OfflineCopy } from './carried-files';

export * from './carried-files';

export const offlineCopy: OfflineCopy | null = copy;
