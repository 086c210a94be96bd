import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { literalList, renderedWithPlaceholders } from "./raw-rows.ts";

const dialect = new PgDialect({ casing: "snake_case" });

describe("renderedWithPlaceholders", () => {
  it("renders the text once and sends each call's values, in order, as parameters", () => {
    const statement = renderedWithPlaceholders<"a" | "b">(
      sql`select ${sql.placeholder("b")}::int, ${"fixed"}::text, ${sql.placeholder("a")}::uuid, ${sql.placeholder("b")}::int`,
    );
    const query = dialect.sqlToQuery(statement({ a: "id-1", b: 7 }));
    expect(query.sql).toBe("select $1::int, $2::text, $3::uuid, $4::int");
    expect(query.params).toEqual([7, "fixed", "id-1", 7]);
    // the next call's values, not the first's
    expect(dialect.sqlToQuery(statement({ a: "id-2", b: 8 })).params).toEqual([8, "fixed", "id-2", 8]);
  });

  it("refuses a text holding a '$<digit>' that is not a parameter", () => {
    expect(() => renderedWithPlaceholders(sql`select '$1', ${sql.placeholder("a")}`)).toThrow(/stray/);
  });
});

describe("literalList", () => {
  it("quotes names and refuses anything else", () => {
    expect(dialect.sqlToQuery(sql`in (${literalList(["OPEN", "WAITING_ON_CUSTOMER"])})`).sql).toBe(
      "in ('OPEN', 'WAITING_ON_CUSTOMER')",
    );
    expect(() => literalList(["O'NEIL"])).toThrow();
  });
});
