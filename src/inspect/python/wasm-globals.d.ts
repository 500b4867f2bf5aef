/**
 * web-tree-sitter 0.27.2's declarations name two ambient types its package does not bring:
 * `EmscriptenModule` (from `@types/emscripten`, options of `Parser.init`) and
 * `WebAssembly.Module` (DOM lib, `Language.loadSync`). This Node project loads neither, and
 * typechecks libraries (`skipLibCheck: false`), so they are declared here the way
 * `@types/emscripten` declares them. Gatehouse uses neither. Interfaces merge, so this stays
 * valid if `@types/emscripten` is added to `compilerOptions.types` later (then delete this file).
 */
interface EmscriptenModule {
  locateFile(url: string, scriptDirectory: string): string;
}

declare namespace WebAssembly {
  /** A compiled module; opaque here (its one property is true of every real `WebAssembly.Module`). */
  interface Module {
    readonly [Symbol.toStringTag]: string;
  }
}
