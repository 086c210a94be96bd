CREATE TYPE "public"."session_method" AS ENUM('password', 'sso');--> statement-breakpoint
CREATE TYPE "public"."sso_domain_status" AS ENUM('PENDING', 'VERIFIED', 'FAILED');--> statement-breakpoint
CREATE TABLE "sso_domains" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"domain" text NOT NULL,
	"token" text NOT NULL,
	"status" "sso_domain_status" DEFAULT 'PENDING' NOT NULL,
	"reason" text,
	"dns_records" jsonb,
	"dns_error" text,
	"checks" integer DEFAULT 0 NOT NULL,
	"checked_at" timestamp with time zone,
	"verified_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sso_domains_one_claim_per_organization" UNIQUE("organization_id","domain")
);
--> statement-breakpoint
DROP INDEX "customizations_domain_hostname_unique";--> statement-breakpoint
ALTER TABLE "licenses" ADD COLUMN "token_ttl_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "method" "session_method" DEFAULT 'password' NOT NULL;--> statement-breakpoint
ALTER TABLE "sso_login_states" ADD COLUMN "browser_binding_hash" text;--> statement-breakpoint
ALTER TABLE "sso_domains" ADD CONSTRAINT "sso_domains_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sso_domains_one_verified_owner" ON "sso_domains" USING btree ("domain") WHERE "sso_domains"."status" = 'VERIFIED';--> statement-breakpoint
CREATE INDEX "sso_domains_unverified_by_age" ON "sso_domains" USING btree ("created_at") WHERE "sso_domains"."status" <> 'VERIFIED';--> statement-breakpoint
CREATE INDEX "branding_assets_by_created_at" ON "branding_assets" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "customizations_domain_verified_hostname_unique" ON "customizations" USING btree (("value"->>'hostname')) WHERE "customizations"."type" = 'DOMAIN' and "customizations"."value"->>'status' = 'VERIFIED';--> statement-breakpoint
CREATE INDEX "customizations_domain_claims_by_hostname" ON "customizations" USING btree (("value"->>'hostname')) WHERE "customizations"."type" = 'DOMAIN';--> statement-breakpoint
CREATE INDEX "sso_login_states_pending_by_organization" ON "sso_login_states" USING btree ("organization_id","expires_at");--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_token_ttl_days_range" CHECK ("licenses"."token_ttl_days" between 1 and 365);