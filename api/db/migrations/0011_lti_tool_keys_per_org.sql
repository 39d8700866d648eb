ALTER TABLE "lti_tool_keys" ADD COLUMN "org_id" uuid;--> statement-breakpoint
ALTER TABLE "lti_tool_keys" ADD CONSTRAINT "lti_tool_keys_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lti_tool_keys_org_status_idx" ON "lti_tool_keys" USING btree ("org_id","status");--> statement-breakpoint
-- Keys from before keys had an organisation sign nothing any more: the last active one stays published (as previous) for what it signed just before the upgrade.
UPDATE "lti_tool_keys" SET "status" = 'retired', "rotated_at" = now() WHERE "org_id" IS NULL AND "status" = 'previous';--> statement-breakpoint
UPDATE "lti_tool_keys" SET "status" = 'previous', "rotated_at" = now() WHERE "org_id" IS NULL AND "status" = 'active';
