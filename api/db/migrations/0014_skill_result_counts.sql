CREATE TABLE "skill_result_counts" (
	"person_id" uuid NOT NULL,
	"skill" text NOT NULL,
	"org_id" uuid NOT NULL,
	"results" integer NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	CONSTRAINT "skill_result_counts_person_id_skill_pk" PRIMARY KEY("person_id","skill")
);
--> statement-breakpoint
ALTER TABLE "skill_result_counts" ADD CONSTRAINT "skill_result_counts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_result_counts" ADD CONSTRAINT "skill_result_counts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Kept by the database, whoever writes the ledger (a session's end, the demo and bench seeds) or
-- deletes from it (an erasure's cascade): a session's end adds 1 to each skill it scored, in the
-- end's own statement, instead of the end's progress refresh counting the learner's whole ledger.
-- Rows are added to in (person, skill) order, so two ends of one learner at once never deadlock.
CREATE FUNCTION "skill_result_counts_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "skill_result_counts" ("person_id", "skill", "org_id", "results", "last_at")
  SELECT "person_id", "skill", "org_id", count(*)::int, max("at") FROM "added_results"
  GROUP BY "person_id", "skill", "org_id" ORDER BY "person_id", "skill"
  ON CONFLICT ("person_id", "skill") DO UPDATE SET
    "results" = "skill_result_counts"."results" + excluded."results",
    "last_at" = greatest("skill_result_counts"."last_at", excluded."last_at");
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Rows deleted or changed (the product only deletes, through cascades; both are rare): the skills
-- they touched are counted again from the ledger, a few index probes each. The trigger's
-- arguments name its transition tables.
CREATE FUNCTION "skill_result_counts_recount"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($q$
    WITH "touched" AS (%s),
    "counted" AS (
      SELECT t."person_id", t."skill", t."org_id", c."results", c."last_at" FROM "touched" t
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS "results", max(r."at") AS "last_at" FROM "skill_results" r
        WHERE r."org_id" = t."org_id" AND r."person_id" = t."person_id" AND r."skill" = t."skill"
      ) c
    ),
    "emptied" AS (
      DELETE FROM "skill_result_counts" s USING "counted" c
      WHERE s."person_id" = c."person_id" AND s."skill" = c."skill" AND c."results" = 0
    )
    INSERT INTO "skill_result_counts" ("person_id", "skill", "org_id", "results", "last_at")
    SELECT "person_id", "skill", "org_id", "results", "last_at" FROM "counted"
    WHERE "results" > 0 ORDER BY "person_id", "skill"
    ON CONFLICT ("person_id", "skill") DO UPDATE SET
      "results" = excluded."results", "last_at" = excluded."last_at"
  $q$, (
    SELECT string_agg(format('SELECT DISTINCT "person_id", "skill", "org_id" FROM %I', t), ' UNION ')
    FROM unnest(TG_ARGV) t
  ));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "skill_result_counts_on_insert" AFTER INSERT ON "skill_results"
  REFERENCING NEW TABLE AS "added_results"
  FOR EACH STATEMENT EXECUTE FUNCTION "skill_result_counts_add"();
--> statement-breakpoint
CREATE TRIGGER "skill_result_counts_on_delete" AFTER DELETE ON "skill_results"
  REFERENCING OLD TABLE AS "removed_results"
  FOR EACH STATEMENT EXECUTE FUNCTION "skill_result_counts_recount"('removed_results');
--> statement-breakpoint
CREATE TRIGGER "skill_result_counts_on_update" AFTER UPDATE ON "skill_results"
  REFERENCING OLD TABLE AS "removed_results" NEW TABLE AS "added_results"
  FOR EACH STATEMENT EXECUTE FUNCTION "skill_result_counts_recount"('removed_results', 'added_results');
--> statement-breakpoint
-- The ledger so far (the triggers above already hold off writers until this migration commits).
INSERT INTO "skill_result_counts" ("person_id", "skill", "org_id", "results", "last_at")
SELECT "person_id", "skill", "org_id", count(*)::int, max("at") FROM "skill_results"
GROUP BY "person_id", "skill", "org_id";
