/** One capture of the trending grid. */
export interface WavePoint {
	id: string;
	/** Capture time, epoch ms (UTC). */
	at: number;
	/** Protest tiles ÷ tiles considered (0–1). */
	share: number;
	protest: number;
	total: number;
	provenance: string;
}

/** A documented event drawn as an annotation. */
export interface WaveAnnotation {
	id: string;
	at: number;
	label: string;
	/** Shown on hover/focus: date, confidence and source. */
	detail: string;
	href?: string;
}
