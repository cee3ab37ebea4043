/** A running throwaway cluster (scripts/postgres-cluster.mjs). */
export interface PostgresCluster {
  /** postgresql://claimdesk:<password>@127.0.0.1:<port>/<database> */
  url: string;
  port: number;
  /** The temporary folder holding the data folder, the socket and server.log; deleted on stop. */
  dir: string;
  dataDir: string;
  password: string;
  user: string;
  database: string;
  bin: string;
  /** Stops the server and deletes its folder. */
  stop(): Promise<void>;
}

export interface StartClusterOptions {
  /** false: fsync and synchronous commit off (tests). Default true (benchmarks). */
  durable?: boolean;
  /** Stop and delete the cluster when this process exits (default true). */
  stopOnExit?: boolean;
  /** The database named in the URL, created on start (default "claimdesk"). */
  database?: string;
  /**
   * The process whose death, however it comes (SIGKILL included), stops and deletes the cluster,
   * through a detached watchdog: true (default) this one, a pid another, false none.
   */
  owner?: number | boolean;
}

export function findServerBinaries(): string;
export function serverBinariesPresent(): boolean;
export function startCluster(options?: StartClusterOptions): Promise<PostgresCluster>;
export function stopCluster(cluster: Pick<PostgresCluster, "dir" | "dataDir" | "bin">): Promise<void>;
export function runSqlSync(url: string, sql: string): string;
