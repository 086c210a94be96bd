CREATE TABLE "license_overages" (
	"license_id" uuid NOT NULL,
	"metric" "usage_metric" NOT NULL,
	"over_since" timestamp with time zone NOT NULL,
	CONSTRAINT "license_overages_pk" PRIMARY KEY("license_id","metric")
);
--> statement-breakpoint
ALTER TABLE "licenses" ADD COLUMN "custom_overage" jsonb;--> statement-breakpoint
ALTER TABLE "licenses" ADD COLUMN "reminder_days" integer[] DEFAULT '{30,7,1}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "license_overages" ADD CONSTRAINT "license_overages_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE cascade ON UPDATE no action;