/**
 * The compile worker's second job: once it has handed the module to DuckDB's worker, it compiles the functions
 * DuckDB's worker is about to call, on its own thread (scripts/lib/wasm-warm.ts says how the build prepares
 * the primary for it). It makes an instance of the module of its own, on fresh memory and imports that do
 * nothing, and calls its `__aiad_warm` export: every function returns at once, compiled for both instances.
 */

/** The primary's warm-up function: `() -> ()`. */
export const WARM_EXPORT = '__aiad_warm';
/** A global that, when true before the engine boots, turns the warm-up off: scripts/wasm-profile.ts records
 * the order of DuckDB's own first calls (with the warm-up on, another thread compiles most of them first), and
 * bench:browser --no-warm-up compares. */
export const NO_WARM_UP = '__aiadNoWarmUp';

/** What an instance of the primary needs besides functions (the build reads it from the module). */
export interface WarmImports {
	memory: { initial: number; maximum?: number };
	table: { initial: number; maximum?: number };
	/** `module name` of each imported global that is immutable; the others are mutable. All are i32. */
	constGlobals: string[];
	/** `module name` of each imported exception tag, with its parameters' value types. */
	tags: [string, string[]][];
}

/**
 * The warm-up this page runs, or null: when NO_WARM_UP is set, or on one core, where the two threads would take
 * turns and the functions compiled ahead of need would only delay the first result.
 */
export function warmUpFor(
	shapes: WarmImports | null,
	scope: { navigator?: { hardwareConcurrency?: number } } & Record<string, unknown> = globalThis as never
): WarmImports | null {
	if (scope[NO_WARM_UP] === true) return null;
	return (scope.navigator?.hardwareConcurrency ?? 2) < 2 ? null : shapes;
}

/**
 * Limits that match the import's and cannot grow: the warm-up never grows its memory, and a maximum of 4 GB
 * (DuckDB's) would have the browser reserve that much address space a second time, beside DuckDB's own.
 */
const fixed = ({ initial }: { initial: number }) => ({ initial, maximum: initial });

type TagConstructor = new (type: { parameters: string[] }) => unknown;

/** Imports for an instance that only warms up: functions throw (nothing calls them), the rest is fresh. */
export function warmImportObject(module: WebAssembly.Module, shapes: WarmImports): WebAssembly.Imports {
	const imports: Record<string, Record<string, unknown>> = {};
	const tags = new Map(shapes.tags);
	const Tag = (WebAssembly as unknown as { Tag?: TagConstructor }).Tag;
	for (const { module: from, name, kind } of WebAssembly.Module.imports(module)) {
		const key = `${from} ${name}`;
		let value: unknown;
		if (kind === 'function') {
			value = () => {
				throw new Error(`the warm-up instance called ${key}`);
			};
		} else if (kind === 'memory') value = new WebAssembly.Memory(fixed(shapes.memory));
		else if (kind === 'table') value = new WebAssembly.Table({ element: 'anyfunc', ...fixed(shapes.table) });
		else if (kind === 'global') {
			value = new WebAssembly.Global({ value: 'i32', mutable: !shapes.constGlobals.includes(key) }, 0);
		} else if (kind === 'tag' && Tag && tags.has(key)) value = new Tag({ parameters: tags.get(key)! });
		else throw new Error(`no warm-up import for ${kind} ${key}`);
		(imports[from] ??= {})[name] = value;
	}
	return imports as WebAssembly.Imports;
}

/**
 * Runs the module's warm-up, if it has one: resolves to its time in ms, or null when the module has none.
 * Rejects when an instance cannot be made; DuckDB's worker then compiles every function itself, as before.
 */
export async function warmUp(
	module: WebAssembly.Module,
	shapes: WarmImports,
	now: () => number = () => performance.now()
): Promise<number | null> {
	if (!WebAssembly.Module.exports(module).some((e) => e.name === WARM_EXPORT && e.kind === 'function')) {
		return null;
	}
	const t0 = now();
	const instance = await WebAssembly.instantiate(module, warmImportObject(module, shapes));
	(instance.exports[WARM_EXPORT] as () => void)();
	return now() - t0;
}
