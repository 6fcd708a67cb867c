/**
 * The longest line a source file may have, in bytes: the ingesters reject longer input lines (keeping only
 * their head in memory) and the build reads source CSVs with room for lines this long, so whatever an
 * ingester accepts, the build can read.
 */
export const MAX_SOURCE_LINE_BYTES = 32 * 1024 * 1024;
