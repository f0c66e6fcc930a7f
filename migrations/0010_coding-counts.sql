CREATE TABLE "qda_case_codes" (
	"code_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"own_total" integer DEFAULT 0 NOT NULL,
	"own_youth" integer DEFAULT 0 NOT NULL,
	"own_parent" integer DEFAULT 0 NOT NULL,
	"own_main_practitioner" integer DEFAULT 0 NOT NULL,
	"own_other_professional" integer DEFAULT 0 NOT NULL,
	"own_network" integer DEFAULT 0 NOT NULL,
	"sub_total" integer DEFAULT 0 NOT NULL,
	"sub_youth" integer DEFAULT 0 NOT NULL,
	"sub_parent" integer DEFAULT 0 NOT NULL,
	"sub_main_practitioner" integer DEFAULT 0 NOT NULL,
	"sub_other_professional" integer DEFAULT 0 NOT NULL,
	"sub_network" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "qda_case_codes_code_id_case_id_pk" PRIMARY KEY("code_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "qda_team_codes" (
	"code_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"institution_type" text NOT NULL,
	"cases_total" integer DEFAULT 0 NOT NULL,
	"cases_youth" integer DEFAULT 0 NOT NULL,
	"cases_parent" integer DEFAULT 0 NOT NULL,
	"cases_main_practitioner" integer DEFAULT 0 NOT NULL,
	"cases_other_professional" integer DEFAULT 0 NOT NULL,
	"cases_network" integer DEFAULT 0 NOT NULL,
	"own_total" integer DEFAULT 0 NOT NULL,
	"own_youth" integer DEFAULT 0 NOT NULL,
	"own_parent" integer DEFAULT 0 NOT NULL,
	"own_main_practitioner" integer DEFAULT 0 NOT NULL,
	"own_other_professional" integer DEFAULT 0 NOT NULL,
	"own_network" integer DEFAULT 0 NOT NULL,
	"sub_total" integer DEFAULT 0 NOT NULL,
	"sub_youth" integer DEFAULT 0 NOT NULL,
	"sub_parent" integer DEFAULT 0 NOT NULL,
	"sub_main_practitioner" integer DEFAULT 0 NOT NULL,
	"sub_other_professional" integer DEFAULT 0 NOT NULL,
	"sub_network" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "qda_team_codes_code_id_team_id_institution_type_pk" PRIMARY KEY("code_id","team_id","institution_type")
);
--> statement-breakpoint
ALTER TABLE "qda_case_codes" ADD CONSTRAINT "qda_case_codes_code_id_qda_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."qda_codes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qda_case_codes" ADD CONSTRAINT "qda_case_codes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qda_team_codes" ADD CONSTRAINT "qda_team_codes_code_id_qda_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."qda_codes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "qda_case_codes_case_idx" ON "qda_case_codes" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "qda_sources_blind_idx" ON "qda_sources" USING btree ("programme_id") WHERE "qda_sources"."blind";--> statement-breakpoint
-- Recomputes the counts of the given cases from their live segments in sources that are not
-- blind, and moves the difference into the team totals. One transaction at a time per case: the
-- cases' rows are locked (FOR NO KEY UPDATE, in id order, so two writers never wait on each
-- other in a circle; foreign keys to cases still pass), and each statement after the lock sees
-- what committed before it.
CREATE FUNCTION "qda_refresh_case_codes"(case_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF case_ids IS NULL OR cardinality(case_ids) = 0 THEN
    RETURN;
  END IF;
  PERFORM 1 FROM cases WHERE id = ANY(case_ids) ORDER BY id FOR NO KEY UPDATE;
  INSERT INTO qda_team_codes (code_id, team_id, institution_type, cases_total, cases_youth, cases_parent, cases_main_practitioner, cases_other_professional, cases_network, own_total, own_youth, own_parent, own_main_practitioner, own_other_professional, own_network, sub_total, sub_youth, sub_parent, sub_main_practitioner, sub_other_professional, sub_network)
  SELECT a.code_id, c.team_id, c.institution_type,
      sum((a.sub_total > 0)::int) * -1,
      sum((a.sub_youth > 0)::int) * -1,
      sum((a.sub_parent > 0)::int) * -1,
      sum((a.sub_main_practitioner > 0)::int) * -1,
      sum((a.sub_other_professional > 0)::int) * -1,
      sum((a.sub_network > 0)::int) * -1,
      sum(a.own_total) * -1,
      sum(a.own_youth) * -1,
      sum(a.own_parent) * -1,
      sum(a.own_main_practitioner) * -1,
      sum(a.own_other_professional) * -1,
      sum(a.own_network) * -1,
      sum(a.sub_total) * -1,
      sum(a.sub_youth) * -1,
      sum(a.sub_parent) * -1,
      sum(a.sub_main_practitioner) * -1,
      sum(a.sub_other_professional) * -1,
      sum(a.sub_network) * -1
  FROM qda_case_codes a JOIN cases c ON c.id = a.case_id WHERE a.case_id = ANY(case_ids)
  GROUP BY a.code_id, c.team_id, c.institution_type
  ON CONFLICT (code_id, team_id, institution_type) DO UPDATE SET
    cases_total = qda_team_codes.cases_total + excluded.cases_total,
    cases_youth = qda_team_codes.cases_youth + excluded.cases_youth,
    cases_parent = qda_team_codes.cases_parent + excluded.cases_parent,
    cases_main_practitioner = qda_team_codes.cases_main_practitioner + excluded.cases_main_practitioner,
    cases_other_professional = qda_team_codes.cases_other_professional + excluded.cases_other_professional,
    cases_network = qda_team_codes.cases_network + excluded.cases_network,
    own_total = qda_team_codes.own_total + excluded.own_total,
    own_youth = qda_team_codes.own_youth + excluded.own_youth,
    own_parent = qda_team_codes.own_parent + excluded.own_parent,
    own_main_practitioner = qda_team_codes.own_main_practitioner + excluded.own_main_practitioner,
    own_other_professional = qda_team_codes.own_other_professional + excluded.own_other_professional,
    own_network = qda_team_codes.own_network + excluded.own_network,
    sub_total = qda_team_codes.sub_total + excluded.sub_total,
    sub_youth = qda_team_codes.sub_youth + excluded.sub_youth,
    sub_parent = qda_team_codes.sub_parent + excluded.sub_parent,
    sub_main_practitioner = qda_team_codes.sub_main_practitioner + excluded.sub_main_practitioner,
    sub_other_professional = qda_team_codes.sub_other_professional + excluded.sub_other_professional,
    sub_network = qda_team_codes.sub_network + excluded.sub_network;
  DELETE FROM qda_case_codes WHERE case_id = ANY(case_ids);
  INSERT INTO qda_case_codes (code_id, case_id, own_total, own_youth, own_parent, own_main_practitioner, own_other_professional, own_network, sub_total, sub_youth, sub_parent, sub_main_practitioner, sub_other_professional, sub_network)
  WITH RECURSIVE own AS (
    SELECT s.case_id, s.code_id, coalesce(p.kind, '') AS kind, count(*)::int AS n
    FROM qda_segments s
    JOIN qda_sources src ON src.id = s.source_id
    LEFT JOIN participants p ON p.id = src.participant_id
    WHERE s.case_id = ANY(case_ids) AND s.deleted_at IS NULL AND s.code_id IS NOT NULL
      AND NOT src.blind
    GROUP BY 1, 2, 3
  ), up(case_id, code_id, kind, n, is_own) AS (
    SELECT case_id, code_id, kind, n, true FROM own
    UNION ALL
    SELECT up.case_id, c.parent_id, up.kind, up.n, false
    FROM up JOIN qda_codes c ON c.id = up.code_id
    WHERE c.parent_id IS NOT NULL
  )
  SELECT code_id, case_id,
    coalesce(sum(n) FILTER (WHERE is_own), 0),
    coalesce(sum(n) FILTER (WHERE is_own AND kind = 'youth'), 0),
    coalesce(sum(n) FILTER (WHERE is_own AND kind = 'parent'), 0),
    coalesce(sum(n) FILTER (WHERE is_own AND kind = 'main_practitioner'), 0),
    coalesce(sum(n) FILTER (WHERE is_own AND kind = 'other_professional'), 0),
    coalesce(sum(n) FILTER (WHERE is_own AND kind = 'network'), 0),
    sum(n),
    coalesce(sum(n) FILTER (WHERE kind = 'youth'), 0),
    coalesce(sum(n) FILTER (WHERE kind = 'parent'), 0),
    coalesce(sum(n) FILTER (WHERE kind = 'main_practitioner'), 0),
    coalesce(sum(n) FILTER (WHERE kind = 'other_professional'), 0),
    coalesce(sum(n) FILTER (WHERE kind = 'network'), 0)
  FROM up
  GROUP BY code_id, case_id;
  INSERT INTO qda_team_codes (code_id, team_id, institution_type, cases_total, cases_youth, cases_parent, cases_main_practitioner, cases_other_professional, cases_network, own_total, own_youth, own_parent, own_main_practitioner, own_other_professional, own_network, sub_total, sub_youth, sub_parent, sub_main_practitioner, sub_other_professional, sub_network)
  SELECT a.code_id, c.team_id, c.institution_type,
      sum((a.sub_total > 0)::int) * 1,
      sum((a.sub_youth > 0)::int) * 1,
      sum((a.sub_parent > 0)::int) * 1,
      sum((a.sub_main_practitioner > 0)::int) * 1,
      sum((a.sub_other_professional > 0)::int) * 1,
      sum((a.sub_network > 0)::int) * 1,
      sum(a.own_total) * 1,
      sum(a.own_youth) * 1,
      sum(a.own_parent) * 1,
      sum(a.own_main_practitioner) * 1,
      sum(a.own_other_professional) * 1,
      sum(a.own_network) * 1,
      sum(a.sub_total) * 1,
      sum(a.sub_youth) * 1,
      sum(a.sub_parent) * 1,
      sum(a.sub_main_practitioner) * 1,
      sum(a.sub_other_professional) * 1,
      sum(a.sub_network) * 1
  FROM qda_case_codes a JOIN cases c ON c.id = a.case_id WHERE a.case_id = ANY(case_ids)
  GROUP BY a.code_id, c.team_id, c.institution_type
  ON CONFLICT (code_id, team_id, institution_type) DO UPDATE SET
    cases_total = qda_team_codes.cases_total + excluded.cases_total,
    cases_youth = qda_team_codes.cases_youth + excluded.cases_youth,
    cases_parent = qda_team_codes.cases_parent + excluded.cases_parent,
    cases_main_practitioner = qda_team_codes.cases_main_practitioner + excluded.cases_main_practitioner,
    cases_other_professional = qda_team_codes.cases_other_professional + excluded.cases_other_professional,
    cases_network = qda_team_codes.cases_network + excluded.cases_network,
    own_total = qda_team_codes.own_total + excluded.own_total,
    own_youth = qda_team_codes.own_youth + excluded.own_youth,
    own_parent = qda_team_codes.own_parent + excluded.own_parent,
    own_main_practitioner = qda_team_codes.own_main_practitioner + excluded.own_main_practitioner,
    own_other_professional = qda_team_codes.own_other_professional + excluded.own_other_professional,
    own_network = qda_team_codes.own_network + excluded.own_network,
    sub_total = qda_team_codes.sub_total + excluded.sub_total,
    sub_youth = qda_team_codes.sub_youth + excluded.sub_youth,
    sub_parent = qda_team_codes.sub_parent + excluded.sub_parent,
    sub_main_practitioner = qda_team_codes.sub_main_practitioner + excluded.sub_main_practitioner,
    sub_other_professional = qda_team_codes.sub_other_professional + excluded.sub_other_professional,
    sub_network = qda_team_codes.sub_network + excluded.sub_network;
END $$;
--> statement-breakpoint
-- Segments added, changed (code, removal, restore) or deleted: recount their cases.
CREATE FUNCTION "qda_segments_recount"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM qda_refresh_case_codes(ARRAY(SELECT DISTINCT case_id FROM new_rows WHERE case_id IS NOT NULL));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM qda_refresh_case_codes(ARRAY(SELECT DISTINCT case_id FROM old_rows WHERE case_id IS NOT NULL));
  ELSE
    PERFORM qda_refresh_case_codes(ARRAY(
      SELECT n.case_id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n.case_id IS NOT NULL AND (n.code_id IS DISTINCT FROM o.code_id
        OR n.deleted_at IS DISTINCT FROM o.deleted_at OR n.source_id IS DISTINCT FROM o.source_id
        OR n.case_id IS DISTINCT FROM o.case_id)
      UNION
      SELECT o.case_id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE o.case_id IS NOT NULL AND n.case_id IS DISTINCT FROM o.case_id));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "qda_segments_recount_insert" AFTER INSERT ON "qda_segments"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION qda_segments_recount();
--> statement-breakpoint
CREATE TRIGGER "qda_segments_recount_update" AFTER UPDATE ON "qda_segments"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION qda_segments_recount();
--> statement-breakpoint
CREATE TRIGGER "qda_segments_recount_delete" AFTER DELETE ON "qda_segments"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION qda_segments_recount();
--> statement-breakpoint
-- A code moved to another parent: recount the cases with segments in the moved subtrees.
CREATE FUNCTION "qda_codes_recount"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM qda_refresh_case_codes(ARRAY(
    WITH RECURSIVE moved(id) AS (
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n.parent_id IS DISTINCT FROM o.parent_id
      UNION
      SELECT c.id FROM qda_codes c JOIN moved m ON c.parent_id = m.id
    )
    SELECT DISTINCT s.case_id FROM qda_segments s JOIN moved m ON m.id = s.code_id
    WHERE s.case_id IS NOT NULL AND s.deleted_at IS NULL));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "qda_codes_recount_update" AFTER UPDATE ON "qda_codes"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION qda_codes_recount();
--> statement-breakpoint
-- A source made blind or open, or given another participant or case: recount its cases.
CREATE FUNCTION "qda_sources_recount"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM qda_refresh_case_codes(ARRAY(
    SELECT n.case_id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.case_id IS NOT NULL AND (n.blind IS DISTINCT FROM o.blind
      OR n.participant_id IS DISTINCT FROM o.participant_id OR n.case_id IS DISTINCT FROM o.case_id)
    UNION
    SELECT o.case_id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE o.case_id IS NOT NULL AND n.case_id IS DISTINCT FROM o.case_id));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "qda_sources_recount_update" AFTER UPDATE ON "qda_sources"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION qda_sources_recount();
--> statement-breakpoint
-- A case moved to another team or institution type: move its counts between the team totals.
CREATE FUNCTION "qda_cases_regroup"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO qda_team_codes (code_id, team_id, institution_type, cases_total, cases_youth, cases_parent, cases_main_practitioner, cases_other_professional, cases_network, own_total, own_youth, own_parent, own_main_practitioner, own_other_professional, own_network, sub_total, sub_youth, sub_parent, sub_main_practitioner, sub_other_professional, sub_network)
  SELECT a.code_id, c.team_id, c.institution_type,
      sum((a.sub_total > 0)::int) * -1,
      sum((a.sub_youth > 0)::int) * -1,
      sum((a.sub_parent > 0)::int) * -1,
      sum((a.sub_main_practitioner > 0)::int) * -1,
      sum((a.sub_other_professional > 0)::int) * -1,
      sum((a.sub_network > 0)::int) * -1,
      sum(a.own_total) * -1,
      sum(a.own_youth) * -1,
      sum(a.own_parent) * -1,
      sum(a.own_main_practitioner) * -1,
      sum(a.own_other_professional) * -1,
      sum(a.own_network) * -1,
      sum(a.sub_total) * -1,
      sum(a.sub_youth) * -1,
      sum(a.sub_parent) * -1,
      sum(a.sub_main_practitioner) * -1,
      sum(a.sub_other_professional) * -1,
      sum(a.sub_network) * -1
  FROM old_rows c JOIN new_rows n ON n.id = c.id JOIN qda_case_codes a ON a.case_id = c.id
  WHERE n.team_id IS DISTINCT FROM c.team_id OR n.institution_type IS DISTINCT FROM c.institution_type
  GROUP BY a.code_id, c.team_id, c.institution_type
  ON CONFLICT (code_id, team_id, institution_type) DO UPDATE SET
    cases_total = qda_team_codes.cases_total + excluded.cases_total,
    cases_youth = qda_team_codes.cases_youth + excluded.cases_youth,
    cases_parent = qda_team_codes.cases_parent + excluded.cases_parent,
    cases_main_practitioner = qda_team_codes.cases_main_practitioner + excluded.cases_main_practitioner,
    cases_other_professional = qda_team_codes.cases_other_professional + excluded.cases_other_professional,
    cases_network = qda_team_codes.cases_network + excluded.cases_network,
    own_total = qda_team_codes.own_total + excluded.own_total,
    own_youth = qda_team_codes.own_youth + excluded.own_youth,
    own_parent = qda_team_codes.own_parent + excluded.own_parent,
    own_main_practitioner = qda_team_codes.own_main_practitioner + excluded.own_main_practitioner,
    own_other_professional = qda_team_codes.own_other_professional + excluded.own_other_professional,
    own_network = qda_team_codes.own_network + excluded.own_network,
    sub_total = qda_team_codes.sub_total + excluded.sub_total,
    sub_youth = qda_team_codes.sub_youth + excluded.sub_youth,
    sub_parent = qda_team_codes.sub_parent + excluded.sub_parent,
    sub_main_practitioner = qda_team_codes.sub_main_practitioner + excluded.sub_main_practitioner,
    sub_other_professional = qda_team_codes.sub_other_professional + excluded.sub_other_professional,
    sub_network = qda_team_codes.sub_network + excluded.sub_network;
  INSERT INTO qda_team_codes (code_id, team_id, institution_type, cases_total, cases_youth, cases_parent, cases_main_practitioner, cases_other_professional, cases_network, own_total, own_youth, own_parent, own_main_practitioner, own_other_professional, own_network, sub_total, sub_youth, sub_parent, sub_main_practitioner, sub_other_professional, sub_network)
  SELECT a.code_id, c.team_id, c.institution_type,
      sum((a.sub_total > 0)::int) * 1,
      sum((a.sub_youth > 0)::int) * 1,
      sum((a.sub_parent > 0)::int) * 1,
      sum((a.sub_main_practitioner > 0)::int) * 1,
      sum((a.sub_other_professional > 0)::int) * 1,
      sum((a.sub_network > 0)::int) * 1,
      sum(a.own_total) * 1,
      sum(a.own_youth) * 1,
      sum(a.own_parent) * 1,
      sum(a.own_main_practitioner) * 1,
      sum(a.own_other_professional) * 1,
      sum(a.own_network) * 1,
      sum(a.sub_total) * 1,
      sum(a.sub_youth) * 1,
      sum(a.sub_parent) * 1,
      sum(a.sub_main_practitioner) * 1,
      sum(a.sub_other_professional) * 1,
      sum(a.sub_network) * 1
  FROM new_rows c JOIN old_rows o ON o.id = c.id JOIN qda_case_codes a ON a.case_id = c.id
  WHERE o.team_id IS DISTINCT FROM c.team_id OR o.institution_type IS DISTINCT FROM c.institution_type
  GROUP BY a.code_id, c.team_id, c.institution_type
  ON CONFLICT (code_id, team_id, institution_type) DO UPDATE SET
    cases_total = qda_team_codes.cases_total + excluded.cases_total,
    cases_youth = qda_team_codes.cases_youth + excluded.cases_youth,
    cases_parent = qda_team_codes.cases_parent + excluded.cases_parent,
    cases_main_practitioner = qda_team_codes.cases_main_practitioner + excluded.cases_main_practitioner,
    cases_other_professional = qda_team_codes.cases_other_professional + excluded.cases_other_professional,
    cases_network = qda_team_codes.cases_network + excluded.cases_network,
    own_total = qda_team_codes.own_total + excluded.own_total,
    own_youth = qda_team_codes.own_youth + excluded.own_youth,
    own_parent = qda_team_codes.own_parent + excluded.own_parent,
    own_main_practitioner = qda_team_codes.own_main_practitioner + excluded.own_main_practitioner,
    own_other_professional = qda_team_codes.own_other_professional + excluded.own_other_professional,
    own_network = qda_team_codes.own_network + excluded.own_network,
    sub_total = qda_team_codes.sub_total + excluded.sub_total,
    sub_youth = qda_team_codes.sub_youth + excluded.sub_youth,
    sub_parent = qda_team_codes.sub_parent + excluded.sub_parent,
    sub_main_practitioner = qda_team_codes.sub_main_practitioner + excluded.sub_main_practitioner,
    sub_other_professional = qda_team_codes.sub_other_professional + excluded.sub_other_professional,
    sub_network = qda_team_codes.sub_network + excluded.sub_network;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "qda_cases_regroup_update" AFTER UPDATE ON "cases"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION qda_cases_regroup();
--> statement-breakpoint
-- The counts of what is already coded.
SELECT qda_refresh_case_codes(ARRAY(SELECT DISTINCT case_id FROM qda_segments WHERE case_id IS NOT NULL));
