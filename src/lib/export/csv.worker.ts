/// <reference lib="webworker" />
// Builds large CSV exports off the main thread, reporting progress per chunk (see exportCsv.ts).
import { csvChunks, type CsvOptions, type ExportRow } from './csv';

export interface CsvJob {
	rows: ExportRow[];
	options: CsvOptions;
	chunkRows?: number;
}
export type CsvWorkerMessage =
	| { type: 'progress'; done: number; total: number }
	| { type: 'done'; blob: Blob }
	| { type: 'error'; message: string };

const post = (m: CsvWorkerMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

self.onmessage = (e: MessageEvent<CsvJob>) => {
	try {
		const parts: string[] = [];
		for (const c of csvChunks(e.data.rows, e.data.options, e.data.chunkRows)) {
			parts.push(c.text);
			post({ type: 'progress', done: c.done, total: c.total });
		}
		post({ type: 'done', blob: new Blob(parts, { type: 'text/csv;charset=utf-8' }) });
	} catch (err) {
		post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
	}
};
