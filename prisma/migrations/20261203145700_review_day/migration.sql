-- CreateTable
CREATE TABLE "ReviewDay" (
    "userId" UUID NOT NULL,
    "deckId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "reviews" INTEGER NOT NULL DEFAULT 0,
    "youngPassed" INTEGER NOT NULL DEFAULT 0,
    "youngFailed" INTEGER NOT NULL DEFAULT 0,
    "maturePassed" INTEGER NOT NULL DEFAULT 0,
    "matureFailed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReviewDay_pkey" PRIMARY KEY ("userId","deckId","day")
);

-- AddForeignKey
ALTER TABLE "ReviewDay" ADD CONSTRAINT "ReviewDay_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The learner day of a review: the time zone and rollover hour it was graded under (its params),
-- else the user's now; UTC when PostgreSQL does not know the zone (a grade must never fail here).
CREATE FUNCTION "reviewDayOf"(r "ReviewLog") RETURNS date LANGUAGE plpgsql STABLE AS $$
DECLARE
  tz text := r.params->>'timezone';
  roll int := (r.params->>'rolloverHour')::int;
BEGIN
  IF tz IS NULL OR roll IS NULL THEN
    SELECT u.timezone, u."rolloverHour" INTO tz, roll FROM "User" u WHERE u.id = r."userId";
  END IF;
  BEGIN
    RETURN ((r."reviewedAt" AT TIME ZONE tz) - make_interval(hours => coalesce(roll, 0)))::date;
  EXCEPTION WHEN invalid_parameter_value THEN
    RETURN ((r."reviewedAt" AT TIME ZONE 'UTC') - make_interval(hours => coalesce(roll, 0)))::date;
  END;
END $$;

-- Keeps ReviewDay: +1 for a live review written (or redone), -1 for one undone or deleted.
CREATE FUNCTION "reviewDayKeep"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r "ReviewLog";
  delta int;
  deck uuid;
  d date;
  rev boolean;
  young boolean;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."undoneAt" IS NOT NULL THEN RETURN NULL; END IF;
    r := NEW; delta := 1;
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD."undoneAt" IS NOT NULL THEN RETURN NULL; END IF;
    r := OLD; delta := -1;
  ELSE
    IF (OLD."undoneAt" IS NULL) = (NEW."undoneAt" IS NULL) THEN RETURN NULL; END IF;
    IF NEW."undoneAt" IS NULL THEN r := NEW; delta := 1; ELSE r := OLD; delta := -1; END IF;
  END IF;
  SELECT c."deckId" INTO deck FROM "Card" c WHERE c.id = r."cardId";
  IF deck IS NULL THEN RETURN NULL; END IF;
  d := "reviewDayOf"(r);
  rev := coalesce((r."stateBefore"->>'state')::int = 2, false);
  young := coalesce((r."stateBefore"->>'scheduledDays')::int < 21, false);
  IF delta = 1 THEN
    INSERT INTO "ReviewDay" AS t ("userId", "deckId", day, reviews, "youngPassed", "youngFailed", "maturePassed", "matureFailed")
    VALUES (r."userId", deck, d, 1,
            (rev AND young AND r.rating > 1)::int, (rev AND young AND r.rating = 1)::int,
            (rev AND NOT young AND (r."stateBefore"->>'scheduledDays') IS NOT NULL AND r.rating > 1)::int,
            (rev AND NOT young AND (r."stateBefore"->>'scheduledDays') IS NOT NULL AND r.rating = 1)::int)
    ON CONFLICT ("userId", "deckId", day) DO UPDATE SET
      reviews = t.reviews + 1,
      "youngPassed" = t."youngPassed" + EXCLUDED."youngPassed", "youngFailed" = t."youngFailed" + EXCLUDED."youngFailed",
      "maturePassed" = t."maturePassed" + EXCLUDED."maturePassed", "matureFailed" = t."matureFailed" + EXCLUDED."matureFailed";
  ELSE
    UPDATE "ReviewDay" SET
      reviews = reviews - 1,
      "youngPassed" = "youngPassed" - (rev AND young AND r.rating > 1)::int,
      "youngFailed" = "youngFailed" - (rev AND young AND r.rating = 1)::int,
      "maturePassed" = "maturePassed" - (rev AND NOT young AND (r."stateBefore"->>'scheduledDays') IS NOT NULL AND r.rating > 1)::int,
      "matureFailed" = "matureFailed" - (rev AND NOT young AND (r."stateBefore"->>'scheduledDays') IS NOT NULL AND r.rating = 1)::int
     WHERE "userId" = r."userId" AND "deckId" = deck AND day = d;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ReviewLog_reviewDay" AFTER INSERT OR DELETE OR UPDATE OF "undoneAt" ON "ReviewLog"
  FOR EACH ROW EXECUTE FUNCTION "reviewDayKeep"();

-- What the trigger would have kept for the reviews already in the log.
INSERT INTO "ReviewDay" ("userId", "deckId", day, reviews, "youngPassed", "youngFailed", "maturePassed", "matureFailed")
SELECT r."userId", c."deckId", "reviewDayOf"(r), count(*),
       count(*) FILTER (WHERE rev AND ivl < 21 AND r.rating > 1), count(*) FILTER (WHERE rev AND ivl < 21 AND r.rating = 1),
       count(*) FILTER (WHERE rev AND ivl >= 21 AND r.rating > 1), count(*) FILTER (WHERE rev AND ivl >= 21 AND r.rating = 1)
  FROM "ReviewLog" r JOIN "Card" c ON c.id = r."cardId"
  CROSS JOIN LATERAL (SELECT coalesce((r."stateBefore"->>'state')::int = 2, false) AS rev, (r."stateBefore"->>'scheduledDays')::int AS ivl) x
 WHERE r."undoneAt" IS NULL
 GROUP BY 1, 2, 3;
