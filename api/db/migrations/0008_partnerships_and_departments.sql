CREATE TABLE "partnership_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"text" text NOT NULL,
	"due_on" text,
	"status" text DEFAULT 'open' NOT NULL,
	"followed_up_in" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partnership_agreements" (
	"partnership_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"body" jsonb NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partnership_agreements_partnership_id_version_pk" PRIMARY KEY("partnership_id","version")
);
--> statement-breakpoint
CREATE TABLE "partnership_reviews" (
	"partnership_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"rating" integer NOT NULL,
	"valued" text DEFAULT '' NOT NULL,
	"would_recommend" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partnership_reviews_partnership_id_person_id_pk" PRIMARY KEY("partnership_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "partnership_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"held_on" text NOT NULL,
	"coach_id" uuid,
	"coachee_id" uuid,
	"topic" text NOT NULL,
	"learning" text DEFAULT '' NOT NULL,
	"logged_by" uuid,
	"shared_by" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partnerships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"cohort_id" uuid,
	"person_a" uuid,
	"person_b" uuid,
	"status" text DEFAULT 'proposed' NOT NULL,
	"agreement_version" integer DEFAULT 0 NOT NULL,
	"agreed_version" integer DEFAULT 0 NOT NULL,
	"confirmed_by" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"help_request" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activated_at" timestamp with time zone,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "department" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "line_manager_id" uuid;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "pairing_preferences" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "partnership_actions" ADD CONSTRAINT "partnership_actions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_actions" ADD CONSTRAINT "partnership_actions_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_actions" ADD CONSTRAINT "partnership_actions_session_id_partnership_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."partnership_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_actions" ADD CONSTRAINT "partnership_actions_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_actions" ADD CONSTRAINT "partnership_actions_followed_up_in_partnership_sessions_id_fk" FOREIGN KEY ("followed_up_in") REFERENCES "public"."partnership_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_agreements" ADD CONSTRAINT "partnership_agreements_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_agreements" ADD CONSTRAINT "partnership_agreements_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_agreements" ADD CONSTRAINT "partnership_agreements_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_reviews" ADD CONSTRAINT "partnership_reviews_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_reviews" ADD CONSTRAINT "partnership_reviews_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_reviews" ADD CONSTRAINT "partnership_reviews_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_sessions" ADD CONSTRAINT "partnership_sessions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_sessions" ADD CONSTRAINT "partnership_sessions_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_sessions" ADD CONSTRAINT "partnership_sessions_coach_id_people_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_sessions" ADD CONSTRAINT "partnership_sessions_coachee_id_people_id_fk" FOREIGN KEY ("coachee_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_sessions" ADD CONSTRAINT "partnership_sessions_logged_by_people_id_fk" FOREIGN KEY ("logged_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_person_a_people_id_fk" FOREIGN KEY ("person_a") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_person_b_people_id_fk" FOREIGN KEY ("person_b") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partnership_actions_pair_idx" ON "partnership_actions" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "partnership_actions_owner_idx" ON "partnership_actions" USING btree ("org_id","owner_id");--> statement-breakpoint
CREATE INDEX "partnership_sessions_pair_idx" ON "partnership_sessions" USING btree ("partnership_id","held_on");--> statement-breakpoint
CREATE INDEX "partnerships_org_cohort_idx" ON "partnerships" USING btree ("org_id","cohort_id");--> statement-breakpoint
CREATE INDEX "partnerships_person_a_idx" ON "partnerships" USING btree ("person_a");--> statement-breakpoint
CREATE INDEX "partnerships_person_b_idx" ON "partnerships" USING btree ("person_b");--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_line_manager_id_people_id_fk" FOREIGN KEY ("line_manager_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;