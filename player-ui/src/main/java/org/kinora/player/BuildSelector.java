package org.kinora.player;

import org.teavm.jso.JSBody;

/**
 * Chooses the worker build: the WebAssembly GC build where the browser validates what TeaVM's
 * Wasm GC output needs (GC types and instructions plus the exception-handling proposal's
 * {@code try_table}), the JavaScript build otherwise.
 */
final class BuildSelector {
    private static Boolean wasmGcSupported;

    private BuildSelector() {
    }

    static boolean supportsWasmGc() {
        if (wasmGcSupported == null) {
            wasmGcSupported = validateProbeModule();
        }
        return wasmGcSupported;
    }

    /**
     * The build to use: "wasm" or "js" when forced (forcing "wasm" where it cannot run is an
     * error), otherwise the best the browser supports.
     */
    static String select(String requested) {
        if (requested == null || requested.isEmpty() || "auto".equals(requested)) {
            return supportsWasmGc() ? "wasm" : "js";
        }
        if ("js".equals(requested)) {
            return "js";
        }
        if ("wasm".equals(requested)) {
            if (!supportsWasmGc()) {
                throw new IllegalStateException("this browser cannot run the WebAssembly GC build");
            }
            return "wasm";
        }
        throw new IllegalArgumentException("unknown build '" + requested + "': use 'wasm', 'js' or 'auto'");
    }

    /*
     * The probe module: type 0 = struct { mut i32 }, type 1 = func [] -> [], a tag of type 1 and one
     * function whose body is
     *   try_table (catch_all 0) struct.new_default 0; drop end; end
     * Validation fails without GC (0x5f, 0xfb 0x01) or without exnref exception handling (0x1f).
     */
    @JSBody(script = ""
            + "if (typeof WebAssembly !== 'object' || typeof WebAssembly.validate !== 'function') return false;"
            + "try {"
            + "  return WebAssembly.validate(new Uint8Array(["
            + "    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,"
            + "    0x01, 0x08, 0x02, 0x5f, 0x01, 0x7f, 0x01, 0x60, 0x00, 0x00,"
            + "    0x03, 0x02, 0x01, 0x01,"
            + "    0x0d, 0x03, 0x01, 0x00, 0x01,"
            + "    0x0a, 0x0e, 0x01, 0x0c, 0x00, 0x1f, 0x40, 0x01, 0x02, 0x00, 0xfb, 0x01, 0x00, 0x1a, 0x0b, 0x0b"
            + "  ]));"
            + "} catch (e) { return false; }")
    private static native boolean validateProbeModule();
}
