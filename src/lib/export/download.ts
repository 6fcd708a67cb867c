/** File names and the browser "save" step shared by every download. */

/**
 * Files that hold simulated rows say so in their name (`wave-data-SIMULATED.csv`), as well as in the
 * provenance column of every row. No comment line is added at the top of a CSV: Excel, Sheets, pandas and
 * DuckDB would all read it as a data row or a header.
 */
export const SIMULATED_SUFFIX = '-SIMULATED';

/** UTF-8 byte-order mark: Excel reads a CSV as UTF-8 (Korean text intact) only when the file starts with it. */
export const BOM = '\uFEFF';

export function exportFileName(base: string, ext: string, simulated: boolean): string {
	const safe = base.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'download';
	return `${safe}${simulated ? SIMULATED_SUFFIX : ''}.${ext}`;
}

export const hasSimulated = (provenance: readonly string[]): boolean => provenance.includes('simulated');

/** Saves a blob under a file name (browser only). */
export function saveBlob(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	a.rel = 'noopener';
	a.style.display = 'none';
	document.body.append(a);
	a.click();
	a.remove();
	// Revoke later: some browsers start reading the blob after click() returns.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
