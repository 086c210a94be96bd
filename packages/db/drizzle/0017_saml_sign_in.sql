CREATE TABLE "saml_assertion_ids" (
	"organization_id" uuid NOT NULL,
	"assertion_id_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "saml_assertion_ids_organization_id_assertion_id_hash_pk" PRIMARY KEY("organization_id","assertion_id_hash")
);
--> statement-breakpoint
ALTER TABLE "sso_login_states" ALTER COLUMN "code_verifier_ciphertext" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "sso_login_states" ALTER COLUMN "nonce" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "sso_login_states" ADD COLUMN "protocol" text DEFAULT 'OIDC' NOT NULL;--> statement-breakpoint
ALTER TABLE "saml_assertion_ids" ADD CONSTRAINT "saml_assertion_ids_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "saml_assertion_ids_by_expiry" ON "saml_assertion_ids" USING btree ("expires_at");