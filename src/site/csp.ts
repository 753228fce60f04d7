/**
 * The Content-Security-Policy every page carries (as `<meta http-equiv>`, since a static host may not let us set
 * headers). No inline scripts or styles anywhere: the only script is the search UI, an external file from 'self'.
 * Pagefind compiles its WebAssembly search core, hence 'wasm-unsafe-eval' (not 'unsafe-eval'), and runs it in a
 * same-origin worker. `frame-ancestors` is left out: browsers ignore it in a meta tag and log an error.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");
