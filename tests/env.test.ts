import { describe, expect, it } from "vitest";
import { EnvError, readEnv } from "@/lib/env";

/** The EnvError readEnv throws for this environment (fails the test when it does not throw one). */
function envError(source: Record<string, string>) {
  try {
    readEnv(source as NodeJS.ProcessEnv);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return error as EnvError;
  }
  throw new Error("expected readEnv to throw");
}

describe("readEnv", () => {
  it("applies the defaults to an empty environment (embedded database)", () => {
    expect(readEnv({})).toEqual({
      DATABASE_URL: undefined,
      DATABASE_READ_URL: undefined,
      DATA_DIR: ".data/pglite",
      SIGNIN_ACCOUNT_LIMIT: 5,
      SIGNIN_IP_LIMIT: 100,
      SIGNIN_WINDOW_MINUTES: 15,
      SIGNUP_IP_LIMIT: 20,
      PHONE_SETUP_IP_LIMIT: 20,
    });
  });

  it("accepts postgres:// and postgresql:// URLs, trimmed, and treats an empty one as unset", () => {
    expect(readEnv({ DATABASE_URL: " postgres://app:pw@db:5432/stepwise\n" }).DATABASE_URL).toBe("postgres://app:pw@db:5432/stepwise");
    expect(readEnv({ DATABASE_URL: "postgresql://db/stepwise" }).DATABASE_URL).toBe("postgresql://db/stepwise");
    expect(readEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("coerces the numeric limits from strings", () => {
    expect(readEnv({ SIGNIN_ACCOUNT_LIMIT: "3", SIGNIN_IP_LIMIT: "50", SIGNIN_WINDOW_MINUTES: "1" })).toMatchObject({
      SIGNIN_ACCOUNT_LIMIT: 3,
      SIGNIN_IP_LIMIT: 50,
      SIGNIN_WINDOW_MINUTES: 1,
    });
  });

  it.each(["mysql://app@db/stepwise", "localhost:5432/stepwise", "postgres://app:p w@db/x", "postgres://"])(
    "refuses the malformed DATABASE_URL %j with one readable line",
    (url) => {
      const error = envError({ DATABASE_URL: url });
      expect(error.message).toMatch(/^Invalid environment: DATABASE_URL must look like postgres:\/\//);
      expect(error.message).not.toContain("\n");
    },
  );

  it("does not echo a rejected URL (it may carry a password)", () => {
    const error = envError({ DATABASE_URL: "postgres://app:TopSecret99@db host/x" });
    expect(error.message).not.toContain("TopSecret99");
  });

  it("reports every problem, still on a single line", () => {
    const error = envError({ DATABASE_URL: "nope", SIGNIN_ACCOUNT_LIMIT: "0", SIGNIN_WINDOW_MINUTES: "soon" });
    expect(error.message).not.toContain("\n");
    expect(error.message).toContain("DATABASE_URL");
    expect(error.message).toContain("SIGNIN_ACCOUNT_LIMIT");
    expect(error.message).toContain("SIGNIN_WINDOW_MINUTES");
    expect(error.message.split("; ")).toHaveLength(3);
  });

  it("takes a dashboard replica only beside a PostgreSQL primary, and checks it like the primary", () => {
    const both = { DATABASE_URL: "postgres://db/stepwise", DATABASE_READ_URL: " postgres://replica/stepwise " };
    expect(readEnv(both)).toMatchObject({ DATABASE_URL: "postgres://db/stepwise", DATABASE_READ_URL: "postgres://replica/stepwise" });
    expect(envError({ DATABASE_READ_URL: "postgres://replica/stepwise" }).message).toBe(
      "Invalid environment: DATABASE_READ_URL needs DATABASE_URL: it names a replica of that PostgreSQL (the embedded database has none)",
    );
    expect(envError({ ...both, DATABASE_READ_URL: "replica:5432" }).message).toMatch(/^Invalid environment: DATABASE_READ_URL must look like postgres:\/\//);
  });

  it.each([["0"], ["-1"], ["2.5"], ["five"]])("refuses SIGNIN_IP_LIMIT=%j", (value) => {
    expect(envError({ SIGNIN_IP_LIMIT: value }).message).toMatch(/^Invalid environment: SIGNIN_IP_LIMIT /);
  });

  it.each([["0"], ["-1"], ["2.5"], ["five"]])("refuses %j as SIGNUP_IP_LIMIT and as PHONE_SETUP_IP_LIMIT", (value) => {
    expect(envError({ SIGNUP_IP_LIMIT: value }).message).toMatch(/^Invalid environment: SIGNUP_IP_LIMIT /);
    expect(envError({ PHONE_SETUP_IP_LIMIT: value }).message).toMatch(/^Invalid environment: PHONE_SETUP_IP_LIMIT /);
  });
});
