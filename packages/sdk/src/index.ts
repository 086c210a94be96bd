export { createTesseraClient, type TesseraClient, type TesseraClientOptions } from "./client.ts";
export { TesseraError, type TesseraErrorType, unwrap } from "./errors.ts";
export { type CursorPage, collect, paginate } from "./paginate.ts";
export type { components, operations, paths } from "./schema.ts";
