CREATE TYPE "public"."sso_test_status" AS ENUM('PENDING', 'SUCCEEDED', 'FAILED');--> statement-breakpoint
CREATE TABLE "sso_connection_tests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"started_by" uuid NOT NULL,
	"started_by_role" "user_role" NOT NULL,
	"settings_fingerprint" text NOT NULL,
	"protocol" text NOT NULL,
	"status" "sso_test_status" DEFAULT 'PENDING' NOT NULL,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"asserted_email" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sso_connection_tests" ADD CONSTRAINT "sso_connection_tests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sso_connection_tests" ADD CONSTRAINT "sso_connection_tests_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sso_connection_tests_by_organization" ON "sso_connection_tests" USING btree ("organization_id","started_at");