/** Worker thread body: reads the byte ranges it is sent (see jsonl.ts) and answers with their counts. */
import { parentPort } from 'node:worker_threads';
import { runRange, type RangeTask } from './jsonl';

if (!parentPort) throw new Error('scripts/ingest/worker.ts runs as a worker thread');
const port = parentPort;
port.on('message', (msg: { id: number; task: RangeTask }) => {
	runRange(msg.task).then(
		(result) => port.postMessage({ id: msg.id, result }),
		(e: unknown) =>
			port.postMessage({ id: msg.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) })
	);
});
