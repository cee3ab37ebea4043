import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";

/**
 * @prisma/adapter-pg as Prisma's WebAssembly schema engine needs it to migrate (issue 14), for
 * prisma/postgresql/prisma.config.ts only. Two faults of adapter-pg 6.19 are worked around here:
 *
 * - It cannot describe result columns of the catalogue's types (`name`, `"char"`…:
 *   prisma/orm#27403), and the engine reads the catalogue: "Column type 'name' could not be
 *   deserialized". Such columns are reported as text, which their values already are.
 * - Its shadow database (for `prisma migrate diff --from-migrations`) is opened with the URL's
 *   own database, since a connectionString wins over the database it adds; so every migration
 *   was applied to the real database a second time. The shadow URL names the new database.
 * - Its executeScript splits a migration at every ";", which cuts a function body in half. The
 *   script is sent whole instead: PostgreSQL's simple query protocol runs several statements.
 */
// The catalogue's own scalar types the engine reads: "char", name, int2vector, regproc, oidvector,
// pg_node_tree, regclass. pg hands their values over as strings already.
const CATALOGUE_TEXT_OIDS = new Set([18, 19, 22, 24, 30, 194, 2205]);
const TEXT_OID = 25;

type Factory = PrismaPg;
type Adapter = Awaited<ReturnType<Factory["connect"]>>;
type Result = { fields?: { dataTypeID: number }[] };
type Queryable = { performIO: (query: unknown) => Promise<Result | Result[]>; onError: (error: unknown) => never };

export function postgresMigrationAdapter(url: string): Factory {
  const factory = new PrismaPg({ connectionString: url });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => patch(await connect());
  factory.connectToShadowDb = async () => {
    const main = await factory.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadowUrl = new URL(url);
    shadowUrl.pathname = `/${database}`;
    const shadow = await new PrismaPg({ connectionString: shadowUrl.toString() }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await main.executeScript(`DROP DATABASE "${database}"`);
      await main.dispose();
    };
    return patch(shadow);
  };
  return factory;
}

function patch(adapter: Adapter): Adapter {
  namesAsText(adapter as unknown as Queryable);
  const queryable = adapter as unknown as Queryable;
  const pool = adapter.underlyingDriver() as { query: (sql: string) => Promise<unknown> };
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      queryable.onError(error);
    }
  };
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    const transaction = await startTransaction(isolationLevel);
    namesAsText(transaction as unknown as Queryable);
    return transaction;
  };
  return adapter;
}

function namesAsText(queryable: Queryable): void {
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    // A script of several statements answers with one result per statement.
    for (const one of Array.isArray(result) ? result : [result]) {
      for (const field of one.fields ?? []) if (CATALOGUE_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
    return result;
  };
}
