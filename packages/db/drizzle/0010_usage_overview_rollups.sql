CREATE TABLE "usage_latest" (
	"license_id" uuid NOT NULL,
	"metric" "usage_metric" NOT NULL,
	"value" bigint NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "usage_latest_pk" PRIMARY KEY("license_id","metric")
);
--> statement-breakpoint
CREATE TABLE "usage_platform_monthly" (
	"metric" "usage_metric" NOT NULL,
	"month" date NOT NULL,
	"shard" smallint NOT NULL,
	"value" bigint NOT NULL,
	CONSTRAINT "usage_platform_monthly_pk" PRIMARY KEY("metric","month","shard")
);
--> statement-breakpoint
ALTER TABLE "usage_monthly" ADD COLUMN "last_change" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "usage_latest" ADD CONSTRAINT "usage_latest_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Backfill: each license's latest gauge level from its latest daily row (which holds that
-- day's latest level), and the platform months as the sum of the license months (shard 0).
INSERT INTO "usage_latest" ("license_id", "metric", "value", "occurred_at")
SELECT DISTINCT ON ("license_id", "metric") "license_id", "metric", "value", "last_occurred_at"
FROM "usage_daily" WHERE "metric" <> 'API_CALLS'
ORDER BY "license_id", "metric", "day" DESC;--> statement-breakpoint
INSERT INTO "usage_platform_monthly" ("metric", "month", "shard", "value")
SELECT "metric", "month", 0, sum("value") FROM "usage_monthly" GROUP BY "metric", "month";
