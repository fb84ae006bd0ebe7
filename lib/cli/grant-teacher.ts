// `npm run grant-teacher -- EMAIL`: the admin path for giving an existing account the teacher role.
import { readEnv } from "@/lib/config/env";
import { createPrisma } from "@/lib/db/client";
import { localDatabaseUrl } from "@/lib/db/local-secrets";

const email = process.argv[2]?.trim().toLowerCase();
if (!email) {
  console.error("usage: npm run grant-teacher -- EMAIL   (uses DATABASE_URL, or the running local-mode database)");
  process.exit(2);
}
const env = readEnv();
const url = env.DATABASE_URL ?? localDatabaseUrl(env);
const db = createPrisma(url, 1);
const res = await db.user.updateMany({ where: { email }, data: { role: "TEACHER" } });
await db.$disconnect();
if (res.count === 0) {
  console.error(`No account with email ${email}.`);
  process.exit(1);
}
console.log(`${email} is now a teacher.`);
