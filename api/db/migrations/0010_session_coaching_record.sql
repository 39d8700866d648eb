DROP INDEX "turns_session_client_uq";--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "coaching" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "turns_session_client_uq" ON "turns" USING btree ("session_id","client_turn_id") WHERE "turns"."client_turn_id" is not null;