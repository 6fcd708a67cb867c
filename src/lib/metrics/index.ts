// Pure metric functions shared by the Node data build and the browser: no DOM, Node APIs or DuckDB.
export {
	cascadeMetrics,
	cascadeMetricsFromIndex,
	type CascadeInput,
	type CascadeMetrics,
	type CascadeMetricsOptions
} from './cascadeMetrics';
export { indexParents, type ParentIndex } from './indexParents';
export { computeDepths, type Depths } from './depths';
export { breadthByDepth, maxBreadth } from './breadth';
export { structuralVirality } from './structuralVirality';
export { minutesToSize } from './timeToSize';
export { earliestAtDepth, minutesToDepth } from './timeToDepth';
export { waveMetrics, type WaveMetrics } from './waveMetrics';
export { captureShares, type Capture } from './captureShares';
export { firstIndexAtOrAbove } from './firstIndexAtOrAbove';
export { msAtOrAbove } from './msAtOrAbove';
export {
	correctionGap,
	REACH_WINDOWS,
	type CorrectionGap,
	type CorrectionGapOptions,
	type ReachWindow
} from './correctionGap';
export { peakBinStart } from './peakBinStart';
export { countInRange, lowerBound } from './sortedSearch';
export { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from './durations';
