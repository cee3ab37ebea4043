/**
 * The rate-limit spec's own accounts, in the e2e server's database (never the shared demo accounts,
 * which other specs sign in with): `create <email> <password>` makes one, `attempts <email>` prints
 * its recorded sign-in attempts as JSON. Run with DATABASE_URL set to E2E_DATABASE_URL.
 */
import { hashPassword } from "@/lib/auth/password";
import { createDatabase } from "@/lib/db/create-database";

const [command, email, password] = process.argv.slice(2);
const db = createDatabase();
try {
  if (command === "create" && email && password) {
    await db.user.create({ data: { email, name: "Rate limit test", role: "reviewer", passwordHash: await hashPassword(password) }, select: { id: true } });
  } else if (command === "attempts" && email) {
    const attempts = await db.signInAttempt.findMany({ where: { email }, select: { address: true, succeeded: true }, orderBy: { createdAt: "asc" } });
    console.log(JSON.stringify(attempts));
  } else {
    throw new Error("usage: sign-in-accounts.ts create <email> <password> | attempts <email>");
  }
} finally {
  await db.$disconnect();
}
