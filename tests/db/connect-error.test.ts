import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openPostgres } from "@/db";
import { describeConnectError } from "@/db/connect-error";

const errorWithCode = (code: string, message = `failed: ${code}`) => Object.assign(new Error(message), { code });

describe("describeConnectError", () => {
  it("turns a real refused connection into one actionable line", async () => {
    const url = "postgres://app:s3cret-pw@127.0.0.1:1/x";
    const database = openPostgres(url);
    try {
      const error = await database.db.execute(sql`select 1`).then(
        () => new Error("expected the connection to be refused"),
        (e: unknown) => e,
      );
      const line = describeConnectError(error, url);
      expect(line).toMatch(/^Cannot reach PostgreSQL at 127\.0\.0\.1:1\/x: connection refused\./);
      expect(line).not.toContain("\n");
      expect(line).not.toContain("s3cret-pw");
    } finally {
      await database.close();
    }
  });

  it("finds the driver's code under Drizzle's 'Failed query' wrapper", () => {
    const wrapped = new Error("Failed query: select 1\nparams: ", { cause: errorWithCode("3D000", 'database "x" does not exist') });
    expect(describeConnectError(wrapped, "postgres://u@db.internal:6543/app")).toBe(
      "PostgreSQL at db.internal:6543/app has no such database. Create it or fix DATABASE_URL.",
    );
  });

  it.each([
    ["ENOTFOUND", /unknown host/],
    ["EAI_AGAIN", /unknown host/],
    ["CONNECT_TIMEOUT", /timed out/],
    ["ETIMEDOUT", /timed out/],
    ["28P01", /refused the credentials/],
    ["28000", /refused the credentials/],
  ])("explains %s", (code, expected) => {
    const line = describeConnectError(errorWithCode(code), "postgres://u:pw@h/d");
    expect(line).toMatch(expected);
    expect(line).toContain("h:5432/d");
    expect(line).not.toContain("pw");
  });

  it("keeps only the first line of an unknown error and never leaks the password", () => {
    const line = describeConnectError(new Error("boom\n    at stack (file.ts:1:1)"), "postgres://user:hunter2@host:5433/db");
    expect(line).toBe("Database error at host:5433/db: boom");
  });

  it("names the embedded database when there is no URL, and survives an unparsable URL or a non-Error", () => {
    expect(describeConnectError(new Error("disk full"))).toBe("Database error at the embedded database: disk full");
    expect(describeConnectError(errorWithCode("ECONNREFUSED"), "not a url")).toMatch(/^Cannot reach PostgreSQL at DATABASE_URL: /);
    expect(describeConnectError("plain string")).toBe("Database error at the embedded database: plain string");
  });
});
