/** One time bin of the claim-vs-debunk chart. Values are what is plotted (count, share or running sum). */
export interface ClaimDebunkBin {
	start: number;
	end: number;
	claim: number | null;
	debunk: number | null;
	/** The counts behind the values, for the readout. */
	claimN: number;
	debunkN: number;
	allN: number;
}

/** A documented event drawn as a numbered annotation (source on hover/focus). */
export interface ChartAnnotation {
	id: string;
	at: number;
	label: string;
	detail: string;
	href?: string;
}

/** A moment drawn as a labelled line across the plot (e.g. the first Korean claim post). */
export interface ChartMarker {
	id: string;
	at: number;
	label: string;
}
