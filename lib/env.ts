import { z } from "zod";

const postgresUrl = z
  .string()
  .trim()
  .regex(/^postgres(ql)?:\/\/[^\s]+$/, "must look like postgres://user:password@host:5432/database")
  .optional()
  .or(z.literal("").transform(() => undefined));

const schema = z.object({
  DATABASE_URL: postgresUrl,
  /** A read replica of DATABASE_URL for the staff dashboards (db/index.ts' dashboardDb). */
  DATABASE_READ_URL: postgresUrl,
  DATA_DIR: z.string().default(".data/pglite"),
  SIGNIN_ACCOUNT_LIMIT: z.coerce.number().int().positive().default(5),
  SIGNIN_IP_LIMIT: z.coerce.number().int().positive().default(100),
  SIGNIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  /** New accounts per client IP per hour (each sign-up that passes the form's checks counts, taken emails included). */
  SIGNUP_IP_LIMIT: z.coerce.number().int().positive().default(20),
  /** Texts to numbers not verified yet (the phone step) per client IP per hour, across accounts. */
  PHONE_SETUP_IP_LIMIT: z.coerce.number().int().positive().default(20),
}).refine((e) => !e.DATABASE_READ_URL || e.DATABASE_URL, {
  path: ["DATABASE_READ_URL"],
  message: "needs DATABASE_URL: it names a replica of that PostgreSQL (the embedded database has none)",
});

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {}

/** Reads and checks the environment; throws one readable line per problem, never a stack of zod internals. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse(source);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`);
  throw new EnvError(`Invalid environment: ${lines.join("; ")}`);
}

let cached: Env | undefined;
export const env = (): Env => (cached ??= readEnv());
