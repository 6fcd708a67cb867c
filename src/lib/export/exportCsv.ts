/**
 * Turns rows into a CSV Blob. Small exports run inline; from WORKER_MIN_ROWS rows on, a Web Worker builds the
 * file in chunks and reports progress, so the page stays responsive (INP budget: no main-thread task > 50 ms,
 * research/perf-security.md §2).
 */
import { csvChunks, type CsvOptions, type ExportRow } from './csv';
import type { CsvJob, CsvWorkerMessage } from './csv.worker';

export const WORKER_MIN_ROWS = 20_000;

export interface Progress {
	done: number;
	total: number;
}

export async function csvBlob(
	rows: readonly ExportRow[],
	options: CsvOptions,
	onProgress?: (p: Progress) => void,
	minWorkerRows = WORKER_MIN_ROWS
): Promise<Blob> {
	if (rows.length < minWorkerRows || typeof Worker === 'undefined') {
		const parts: string[] = [];
		for (const c of csvChunks(rows, options)) {
			parts.push(c.text);
			onProgress?.({ done: c.done, total: c.total });
		}
		return new Blob(parts, { type: 'text/csv;charset=utf-8' });
	}
	const worker = new Worker(new URL('./csv.worker.ts', import.meta.url), { type: 'module' });
	try {
		return await new Promise<Blob>((resolve, reject) => {
			worker.onmessage = (e: MessageEvent<CsvWorkerMessage>) => {
				const m = e.data;
				if (m.type === 'progress') onProgress?.({ done: m.done, total: m.total });
				else if (m.type === 'done') resolve(m.blob);
				else reject(new Error(m.message));
			};
			worker.onerror = (e) => reject(new Error(e.message || 'CSV worker failed'));
			// Plain copies: rows from Svelte state are proxies, which postMessage cannot clone.
			const job: CsvJob = { rows: rows.map((r) => ({ ...r })), options: JSON.parse(JSON.stringify(options)) };
			worker.postMessage(job);
		});
	} finally {
		worker.terminate();
	}
}
