CREATE TABLE "idempotency_requests" (
	"principal_id" text NOT NULL,
	"key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"status" integer,
	"response_body" jsonb,
	"location" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_requests_principal_id_key_pk" PRIMARY KEY("principal_id","key")
);
--> statement-breakpoint
CREATE INDEX "idempotency_requests_by_age" ON "idempotency_requests" USING btree ("created_at");