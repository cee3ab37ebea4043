import { queueContract } from "./queue-contract";
import { sqliteEngine } from "./engines";

// SQLite: jobs run inline, in this process, with the same interface as PostgreSQL's queue.
queueContract("SQLite (a real file)", async () => sqliteEngine(), "inline");
