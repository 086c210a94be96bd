CREATE TYPE "public"."usage_metric" AS ENUM('ACTIVE_USERS', 'COURSES', 'API_CALLS', 'STORAGE_BYTES');--> statement-breakpoint
CREATE TABLE "usage_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"license_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"metric" "usage_metric" NOT NULL,
	"threshold" integer NOT NULL,
	"period" text NOT NULL,
	"used" bigint NOT NULL,
	"limit" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" text,
	CONSTRAINT "usage_alerts_once" UNIQUE("license_id","metric","threshold","period")
);
--> statement-breakpoint
CREATE TABLE "usage_daily" (
	"license_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"metric" "usage_metric" NOT NULL,
	"day" date NOT NULL,
	"value" bigint NOT NULL,
	"last_occurred_at" timestamp with time zone NOT NULL,
	"events" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_daily_pk" PRIMARY KEY("license_id","metric","day")
);
--> statement-breakpoint
CREATE TABLE "usage_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"license_id" uuid NOT NULL,
	"metric" "usage_metric" NOT NULL,
	"value" bigint NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"idempotency_key" text NOT NULL,
	"api_key_id" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_events_idempotency" UNIQUE("organization_id","idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "usage_alerts" ADD CONSTRAINT "usage_alerts_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_daily" ADD CONSTRAINT "usage_daily_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "usage_alerts_by_organization_time" ON "usage_alerts" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "usage_alerts_unacknowledged" ON "usage_alerts" USING btree ("created_at") WHERE "usage_alerts"."acknowledged_at" is null;--> statement-breakpoint
CREATE INDEX "usage_daily_by_organization_day" ON "usage_daily" USING btree ("organization_id","day");--> statement-breakpoint
CREATE INDEX "usage_daily_by_metric_day" ON "usage_daily" USING btree ("metric","day");--> statement-breakpoint
CREATE INDEX "usage_events_by_received_for_pruning" ON "usage_events" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "usage_events_by_license_time" ON "usage_events" USING btree ("license_id","occurred_at");