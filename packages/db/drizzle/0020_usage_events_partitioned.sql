-- Hand-written: usage_events becomes partitioned by UTC month of occurred_at, which drizzle
-- cannot declare (schema/usage.ts describes the columns; the snapshot matches it). Idempotency
-- moves to usage_event_keys, since a partitioned table's unique keys must contain occurred_at.
-- The copy runs in the migration's one transaction under a SHARE lock: no event lost or doubled.
LOCK TABLE "usage_events" IN SHARE MODE;--> statement-breakpoint
CREATE TABLE "usage_event_keys" (
	"organization_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"license_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"event_id" uuid NOT NULL,
	CONSTRAINT "usage_event_keys_pk" PRIMARY KEY("organization_id","idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "usage_events_partitioned" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"license_id" uuid NOT NULL,
	"metric" "usage_metric" NOT NULL,
	"value" bigint NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"idempotency_key" text NOT NULL,
	"api_key_id" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
) PARTITION BY RANGE ("occurred_at");
--> statement-breakpoint
-- An event outside the prepared months still lands somewhere.
CREATE TABLE "usage_events_default" PARTITION OF "usage_events_partitioned" DEFAULT;--> statement-breakpoint
-- One partition per month that has events, plus this month and the next two (as the hourly
-- job keeps). Months are computed on UTC wall time: adding a month to a timestamptz would
-- follow the session's time zone.
DO $$
DECLARE
	month timestamp;
BEGIN
	FOR month IN
		SELECT date_trunc('month', "occurred_at" AT TIME ZONE 'UTC') FROM "usage_events"
		UNION
		SELECT date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => n) FROM generate_series(0, 2) AS n
	LOOP
		EXECUTE format(
			'CREATE TABLE %I PARTITION OF "usage_events_partitioned" FOR VALUES FROM (%L) TO (%L)',
			'usage_events_' || to_char(month, 'YYYY_MM'),
			to_char(month, 'YYYY-MM-DD') || ' 00:00:00+00',
			to_char(month + interval '1 month', 'YYYY-MM-DD') || ' 00:00:00+00'
		);
	END LOOP;
END $$;--> statement-breakpoint
INSERT INTO "usage_events_partitioned" ("id", "organization_id", "license_id", "metric", "value", "occurred_at", "idempotency_key", "api_key_id", "received_at")
	SELECT "id", "organization_id", "license_id", "metric", "value", "occurred_at", "idempotency_key", "api_key_id", "received_at" FROM "usage_events";--> statement-breakpoint
INSERT INTO "usage_event_keys" ("organization_id", "idempotency_key", "license_id", "occurred_at", "event_id")
	SELECT "organization_id", "idempotency_key", "license_id", "occurred_at", "id" FROM "usage_events";--> statement-breakpoint
DROP TABLE "usage_events";--> statement-breakpoint
ALTER TABLE "usage_events_partitioned" RENAME TO "usage_events";--> statement-breakpoint
-- Indexes and keys after the copy: built once instead of maintained row by row.
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_pkey" PRIMARY KEY("id","occurred_at");--> statement-breakpoint
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "usage_events_by_received_for_pruning" ON "usage_events" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "usage_events_by_license_time" ON "usage_events" USING btree ("license_id","occurred_at");--> statement-breakpoint
ALTER TABLE "usage_event_keys" ADD CONSTRAINT "usage_event_keys_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "usage_event_keys_by_occurred" ON "usage_event_keys" USING btree ("occurred_at");
