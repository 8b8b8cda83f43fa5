import { database, type DB } from "./index";

/**
 * A query Drizzle builds once per database and afterwards only runs with new values (`sql.placeholder`). Building is
 * most of what a query costs the server: a select of two whole tables takes about 0.55 ms of CPU to build and run,
 * 0.09 ms when prepared (`npx tsx bench/statement-cost.ts`). For the statements every request runs, outside a
 * transaction: a prepared query runs on the database it was built on, never inside a caller's transaction. (The name
 * given to Drizzle's `.prepare()` is not sent to PostgreSQL; db/index.ts prepares every statement with parameters.)
 */
export function preparedQuery<Q>(build: (db: DB) => Q): () => Q {
  const built = new WeakMap<DB, Q>();
  return () => {
    const { db } = database();
    let query = built.get(db);
    if (!query) built.set(db, (query = build(db)));
    return query;
  };
}
