ALTER TABLE "users" ADD COLUMN "open_ticket_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_assigned_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "users_support_agents_by_load" ON "users" USING btree ("open_ticket_count","last_assigned_at","created_at") WHERE "users"."kind" = 'STAFF' and "users"."role" = 'SUPPORT' and "users"."disabled_at" is null;--> statement-breakpoint
-- Backfill from the tickets open now; from here on the services keep the count exact.
UPDATE "users" SET
  "open_ticket_count" = "load"."open",
  "last_assigned_at" = "load"."last_assigned_at"
FROM (
  SELECT "assignee_id", count(*) FILTER (WHERE "status" IN ('OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER'))::integer AS "open",
    max("assigned_at") AS "last_assigned_at"
  FROM "tickets" WHERE "assignee_id" IS NOT NULL GROUP BY "assignee_id"
) AS "load"
WHERE "users"."id" = "load"."assignee_id";
