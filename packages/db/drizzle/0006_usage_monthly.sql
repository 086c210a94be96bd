CREATE TABLE "usage_monthly" (
	"license_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"metric" "usage_metric" NOT NULL,
	"month" date NOT NULL,
	"value" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_monthly_pk" PRIMARY KEY("license_id","metric","month")
);
--> statement-breakpoint
ALTER TABLE "usage_monthly" ADD CONSTRAINT "usage_monthly_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "usage_monthly_by_month" ON "usage_monthly" USING btree ("month");--> statement-breakpoint
-- Backfill from the daily rollups (a gauge's peak is then the highest daily value).
INSERT INTO "usage_monthly" ("license_id", "organization_id", "metric", "month", "value")
SELECT "license_id", "organization_id", "metric", date_trunc('month', "day")::date,
       CASE WHEN "metric" = 'API_CALLS' THEN sum("value") ELSE max("value") END
FROM "usage_daily"
GROUP BY "license_id", "organization_id", "metric", date_trunc('month', "day")::date;
