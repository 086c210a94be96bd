ALTER TABLE "licenses" ADD COLUMN "renewal_failed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "licenses" ADD COLUMN "previous_key_hash" text;--> statement-breakpoint
ALTER TABLE "licenses" ADD COLUMN "previous_key_expires_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "licenses_by_previous_key_hash" ON "licenses" USING btree ("previous_key_hash");