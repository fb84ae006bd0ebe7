-- DropIndex
DROP INDEX "ReviewLog_idempotencyKey_key";

-- CreateIndex
CREATE UNIQUE INDEX "ReviewLog_userId_idempotencyKey_key" ON "ReviewLog"("userId", "idempotencyKey");

