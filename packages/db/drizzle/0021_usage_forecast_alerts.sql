CREATE TABLE "usage_forecast_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"license_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"metric" "usage_metric" NOT NULL,
	"threshold" integer NOT NULL,
	"period" text NOT NULL,
	"reaches_on" date NOT NULL,
	"used" bigint NOT NULL,
	"limit" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_forecast_alerts_once" UNIQUE("license_id","metric","threshold","period")
);
--> statement-breakpoint
ALTER TABLE "usage_forecast_alerts" ADD CONSTRAINT "usage_forecast_alerts_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE cascade ON UPDATE no action;