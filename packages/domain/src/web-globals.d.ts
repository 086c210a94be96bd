/**
 * The few web-platform globals the domain uses (cursor encoding): present in Node 20 and every
 * browser, but outside the ES2023 lib, which keeps the rest of the web platform out of reach.
 */
declare function btoa(data: string): string;
declare function atob(data: string): string;
declare class TextEncoder {
  encode(input: string): Uint8Array;
}
declare class TextDecoder {
  decode(input: Uint8Array): string;
}
