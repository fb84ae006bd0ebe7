// `npm run flags`: the learners' reports on curated decks (which no teacher owns), for the
// operator: one JSON line per reported card, most reports first, each with its deck and its
// reports (reason, note, when). Teachers read the reports on their own decks on the deck's
// authoring page. Uses DATABASE_URL, or the running local-mode database.
import { readEnv } from "@/lib/config/env";
import { createPrisma } from "@/lib/db/client";
import { localDatabaseUrl } from "@/lib/db/local-secrets";
import { curatedFlags } from "@/lib/flags/flags";

const env = readEnv();
const db = createPrisma(env.DATABASE_URL ?? localDatabaseUrl(env), 1);
try {
  for (const card of await curatedFlags(db)) console.log(JSON.stringify(card));
} finally {
  await db.$disconnect();
}
