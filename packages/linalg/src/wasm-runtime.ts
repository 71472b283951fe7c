/**
 * The slice of the WebAssembly JS API that linalg's kernels use (the ES library typings do not
 * declare WebAssembly), with compilation from the base64 bytes the wasm/ build writes.
 */

/** A WebAssembly linear memory. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** A compiled module (opaque). */
export interface WasmModule {
  readonly __wasmModule?: never;
}

interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { exports: object };
}

function api(): WasmApi | undefined {
  return (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
}

/**
 * Compiles a module from base64 bytes; null when WebAssembly (or a feature the module uses,
 * such as SIMD) is unavailable, so that callers fall back to their JavaScript kernels.
 */
export function compileWasm(base64: string): WasmModule | null {
  const wa = api();
  if (wa === undefined) return null;
  try {
    return new wa.Module(Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** A fresh instance of a compiled module (no imports); its exports typed by the caller. */
export function instantiateWasm<E extends object>(module: WasmModule): E {
  return new (api() as WasmApi).Instance(module, {}).exports as E;
}
