-- AlterTable
ALTER TABLE "CardState" ADD COLUMN     "reviewMs" BIGINT NOT NULL DEFAULT 0;


-- Existing states: the time of their live reviews so far.
UPDATE "CardState" s
   SET "reviewMs" = r.ms
  FROM (SELECT "userId", "cardId", sum("durationMs") AS ms FROM "ReviewLog" WHERE "undoneAt" IS NULL GROUP BY "userId", "cardId") r
 WHERE r."userId" = s."userId" AND r."cardId" = s."cardId";
