-- lti_contexts_cohort_index: cohort list and progress reads look up `lmsLinked` by cohort_id.
CREATE INDEX "lti_contexts_cohort_idx" ON "lti_contexts" USING btree ("cohort_id");