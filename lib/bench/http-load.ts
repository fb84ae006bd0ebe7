// Grading over real HTTP against `next start`: each virtual learner signs in once (its own
// session cookie), fetches its queue, then grades the queue's cards in a loop, sending the
// version from the queue or from its previous grade as expectedVersion.
import type { Agent } from "node:http";
import type { GradeRequest, GradeResponse, QueueResponse } from "@/lib/api/review";
import type { Rating } from "@/lib/srs/scheduler";
import { HttpClient } from "./http-client";
import type { Learner, Outcome, TrackedCard } from "./load";

type ErrorBody = { error?: { code?: string }; current?: { version?: number } };

/** Signs in and fetches the queue (up to 200 cards, the API's maximum). */
export async function httpLearner(baseUrl: string, agent: Agent, email: string, password: string): Promise<Learner> {
  const client = new HttpClient(baseUrl, agent);
  await client.signIn(email, password);
  const queue = await client.request<QueueResponse>("GET", "/api/review/queue?limit=200");
  if (queue.status !== 200) throw new Error(`GET /api/review/queue for ${email} answered ${queue.status}: ${JSON.stringify(queue.body)}`);
  const cards: TrackedCard[] = queue.body.cards.map((c) => ({ cardId: c.cardId, version: c.version }));
  return {
    cards,
    async grade(card: TrackedCard, rating: Rating, idempotencyKey: string): Promise<Outcome> {
      const req: GradeRequest = { cardId: card.cardId, rating, idempotencyKey, durationMs: 4000, expectedVersion: card.version };
      const res = await client.request<GradeResponse | ErrorBody>("POST", "/api/review/grade", { json: req });
      if (res.status === 200) return { ok: true, version: (res.body as GradeResponse).version };
      const body = res.body as ErrorBody;
      return { ok: false, kind: `${res.status} ${body?.error?.code ?? ""}`.trim(), version: body?.current?.version };
    },
  };
}

/** Sets up learners a few at a time (sign-in hashes with argon2: a burst would only queue up). */
export async function httpLearners(baseUrl: string, agent: Agent, emails: readonly string[], password: string): Promise<Learner[]> {
  const learners: Learner[] = [];
  const parallel = 4;
  for (let i = 0; i < emails.length; i += parallel) {
    learners.push(...(await Promise.all(emails.slice(i, i + parallel).map((e) => httpLearner(baseUrl, agent, e, password)))));
  }
  return learners;
}
