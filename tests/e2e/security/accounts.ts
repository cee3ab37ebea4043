/**
 * Run by runSeedScript (tests/e2e/support.ts) against the e2e database (DATABASE_URL): the revocation spec's own accounts, so it
 * never demotes, disables or deletes the shared demo accounts other specs are signed in as.
 *
 *   create <email> <role>   an account with the demo password
 *   role <email> <role>     change its role
 *   disable <email>         set disabledAt
 *   delete <email>          delete it (its sessions go with it)
 *   status <slug>           print an article's status
 */
import { DEMO_PASSWORD } from "@/lib/auth/demo-accounts";
import { hashPassword } from "@/lib/auth/password";
import { createDatabase } from "@/lib/db/create-database";

async function run(db: ReturnType<typeof createDatabase>, [command, subject = "", role = "reviewer"]: string[]): Promise<void> {
  switch (command) {
    case "create":
      await db.user.create({ data: { email: subject, name: subject, role, passwordHash: await hashPassword(DEMO_PASSWORD) }, select: { id: true } });
      return;
    case "role":
      await db.user.update({ where: { email: subject }, data: { role }, select: { id: true } });
      return;
    case "disable":
      await db.user.update({ where: { email: subject }, data: { disabledAt: new Date() }, select: { id: true } });
      return;
    case "delete":
      await db.user.delete({ where: { email: subject }, select: { id: true } });
      return;
    case "status": {
      const article = await db.article.findUniqueOrThrow({ where: { slug: subject }, select: { status: true } });
      process.stdout.write(article.status);
      return;
    }
    default:
      throw new Error(`unknown command ${command}`);
  }
}

const db = createDatabase(process.env.DATABASE_URL);
run(db, process.argv.slice(2))
  .then(() => db.$disconnect())
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
