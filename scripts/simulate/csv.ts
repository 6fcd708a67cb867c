import { createWriteStream, type WriteStream } from 'node:fs';

/** One CSV field, RFC 4180: quoted only when it holds a quote, comma or line break. null = empty. */
export function csvField(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	const s = typeof value === 'number' ? String(value) : value;
	if (/[",\r\n]/.test(s)) return `"${s.replaceAll('"', '""')}"`;
	return s;
}

/** One CSV record, newline-terminated. */
export const csvRow = (values: readonly (string | number | null | undefined)[]): string =>
	values.map(csvField).join(',') + '\n';

/** Flush to the file once this many characters are buffered. */
const CHUNK_CHARS = 1 << 16;

/**
 * A streaming CSV file: rows are batched into ~64k-character strings and written with backpressure
 * (waits for 'drain'), so memory stays bounded whatever the row count.
 */
export class CsvWriter {
	readonly path: string;
	rows = 0;
	private readonly stream: WriteStream;
	private buffer = '';
	private failure: Error | null = null;

	constructor(path: string, header: readonly string[]) {
		this.path = path;
		this.stream = createWriteStream(path, { encoding: 'utf8' });
		this.stream.on('error', (e) => (this.failure = e));
		this.buffer = csvRow(header);
	}

	/** Queues one record; await the result so that a full buffer waits for the disk. */
	write(values: readonly (string | number | null | undefined)[]): Promise<void> | undefined {
		this.buffer += csvRow(values);
		this.rows++;
		if (this.buffer.length >= CHUNK_CHARS) return this.flush();
		return undefined;
	}

	/** Queues ready-made CSV lines (each newline-terminated) that hold `rows` records. */
	writeRaw(lines: string, rows: number): Promise<void> | undefined {
		this.buffer += lines;
		this.rows += rows;
		if (this.buffer.length >= CHUNK_CHARS) return this.flush();
		return undefined;
	}

	private flush(): Promise<void> | undefined {
		if (this.failure) throw this.failure;
		const chunk = this.buffer;
		this.buffer = '';
		if (this.stream.write(chunk)) return undefined;
		return new Promise((resolve, reject) => {
			const onDrain = () => {
				this.stream.off('error', onError);
				resolve();
			};
			const onError = (e: Error) => {
				this.stream.off('drain', onDrain);
				reject(e);
			};
			this.stream.once('drain', onDrain);
			this.stream.once('error', onError);
		});
	}

	/** Writes what is left and closes the file; resolves with the byte count. */
	async close(): Promise<number> {
		if (this.buffer) await this.flush();
		await new Promise<void>((resolve, reject) => {
			if (this.failure) return reject(this.failure);
			this.stream.once('error', reject);
			this.stream.end(() => resolve());
		});
		return this.stream.bytesWritten;
	}
}
