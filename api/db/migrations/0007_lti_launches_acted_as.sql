-- lti_launches_acted_as: the role a launch acted in after the people rules, beside the LMS role it asked for.
ALTER TABLE "lti_launches" ADD COLUMN "acted_as" text;