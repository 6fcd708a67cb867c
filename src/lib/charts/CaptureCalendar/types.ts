/** One capture on the calendar. */
export interface CalendarCapture {
	id: string;
	/** Capture time, epoch ms (UTC). */
	at: number;
	/** Protest tiles ÷ tiles considered (0–1). */
	share: number;
	protest: number;
	total: number;
	provenance: string;
}
