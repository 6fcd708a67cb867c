/** File names of the per-item aggregates, shared by the data build (which writes them) and the pages (which fetch them). */
const safe = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '_');

/** agg/capture-<snapshot_id>.json: one capture's tiles. */
export const captureAggName = (snapshotId: string): string => `capture-${safe(snapshotId)}`;

/** agg/cascade-<cascade_id>.json: one cascade's pruned tree. */
export const cascadeAggName = (cascadeId: string): string => `cascade-${safe(cascadeId)}`;

/** agg/posts-<YYYY-MM-DD>.json: the claim and debunk posts of one UTC day. */
export const postsDayAggName = (day: string): string => `posts-${day}`;
