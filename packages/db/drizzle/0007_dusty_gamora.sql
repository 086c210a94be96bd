CREATE TYPE "public"."session_method" AS ENUM('password', 'sso');--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "method" "session_method" DEFAULT 'password' NOT NULL;