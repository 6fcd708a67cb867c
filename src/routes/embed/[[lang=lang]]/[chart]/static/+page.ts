// The `static` render flag: the same prerendered chart with no framework JavaScript at all.
import { entries as liveEntries, load as liveLoad } from '../+page';
import type { EntryGenerator, PageLoad } from './$types';

export const csr = false;
export const entries: EntryGenerator = liveEntries as EntryGenerator;
export const load: PageLoad = (event) => liveLoad(event as unknown as Parameters<typeof liveLoad>[0]);
