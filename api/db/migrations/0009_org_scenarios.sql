CREATE TABLE "org_scenarios" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"scenario_id" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"source" text NOT NULL,
	"source_format" text NOT NULL,
	"card" jsonb NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "scenario_card" jsonb;--> statement-breakpoint
ALTER TABLE "org_scenarios" ADD CONSTRAINT "org_scenarios_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_scenarios" ADD CONSTRAINT "org_scenarios_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_scenarios" ADD CONSTRAINT "org_scenarios_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "org_scenarios_org_scenario_uq" ON "org_scenarios" USING btree ("org_id","scenario_id");