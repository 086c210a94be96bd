CREATE TABLE "support_routing" (
	"tier" text PRIMARY KEY NOT NULL,
	"mode" text DEFAULT 'LEAST_LOAD' NOT NULL,
	"team_id" uuid,
	"last_agent_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_routing_mode" CHECK ("support_routing"."mode" in ('LEAST_LOAD', 'ROUND_ROBIN')),
	CONSTRAINT "support_routing_tier" CHECK ("support_routing"."tier" in ('STARTER', 'PROFESSIONAL', 'ENTERPRISE', 'CUSTOM'))
);
--> statement-breakpoint
CREATE TABLE "support_teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"business_hours" boolean DEFAULT false NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"weekly_hours" jsonb DEFAULT '{"MON":[{"start":"09:00","end":"17:00"}],"TUE":[{"start":"09:00","end":"17:00"}],"WED":[{"start":"09:00","end":"17:00"}],"THU":[{"start":"09:00","end":"17:00"}],"FRI":[{"start":"09:00","end":"17:00"}],"SAT":[],"SUN":[]}'::jsonb NOT NULL,
	"holidays" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "pause_spans" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "team_id" uuid;--> statement-breakpoint
ALTER TABLE "support_routing" ADD CONSTRAINT "support_routing_team_id_support_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."support_teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_routing" ADD CONSTRAINT "support_routing_last_agent_id_users_id_fk" FOREIGN KEY ("last_agent_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "support_teams_one_default" ON "support_teams" USING btree ("is_default") WHERE "support_teams"."is_default";--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_team_id_support_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."support_teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- hand-written: the default team every ticket belongs to unless its tier names another
INSERT INTO "support_teams" ("name", "is_default") VALUES ('Support', true);
