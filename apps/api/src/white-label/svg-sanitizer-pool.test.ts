import { DomainError } from "@tessera/domain";
import { afterAll, describe, expect, it } from "vitest";
import { createSvgSanitizer } from "./svg-sanitizer-pool.ts";

const NS = 'xmlns="http://www.w3.org/2000/svg"';
const small = `<svg ${NS}><rect width="1" height="1"/></svg>`;
/** Within the structure bounds but seconds of DOMPurify: 5,000 elements of 4 attributes each. */
const heavy = `<svg ${NS}>${'<rect x="1" y="2" width="3" height="4"/>'.repeat(4_999)}</svg>`;

const sanitizer = createSvgSanitizer({ timeoutMs: 200 });
afterAll(() => sanitizer.close());

const refusal = async (svg: string) => {
  try {
    await sanitizer.sanitize(svg);
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, field: error.details.field, message: error.message };
  }
};

/** Retry a small SVG until the pool's (new) thread has started and answers within the limit. */
const untilWarm = async () => {
  const deadline = performance.now() + 20_000;
  while (performance.now() < deadline) {
    if ((await refusal(small)) === null) return true;
  }
  return false;
};

describe("the SVG sanitiser's time limit", () => {
  it("aborts a sanitising still running at the limit (400 on dataBase64) and a fresh thread serves the next one", async () => {
    expect(await untilWarm()).toBe(true);
    const started = performance.now();
    const answer = await refusal(heavy);
    expect(answer).toMatchObject({ code: "VALIDATION_FAILED", field: "dataBase64" });
    expect(answer?.message).toMatch(/took too long/);
    // Refused at the limit, not after the work finished.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(await untilWarm()).toBe(true);
    expect(await sanitizer.sanitize(small)).toContain("<rect");
  }, 60_000);
});
