// sql.js ships a build with the WebAssembly inlined, which needs no .wasm file next to
// the bundled server code; its API is the package's main one.
declare module "sql.js/dist/sql-wasm-inline.js" {
  import initSqlJs from "sql.js";
  export default initSqlJs;
}
