CREATE TABLE "instrument_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"instrument_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text NOT NULL,
	"content" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	CONSTRAINT "instrument_versions_number_unique" UNIQUE("instrument_id","number"),
	CONSTRAINT "instrument_versions_status_check" CHECK ("instrument_versions"."status" in ('draft','published')),
	CONSTRAINT "instrument_versions_published_check" CHECK (("instrument_versions"."status" = 'published') = ("instrument_versions"."published_at" is not null)),
	CONSTRAINT "instrument_versions_number_check" CHECK ("instrument_versions"."number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "instruments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instruments_code_unique" UNIQUE("code"),
	CONSTRAINT "instruments_kind_check" CHECK ("instruments"."kind" in ('dossier_checklist','analysis_domains'))
);
--> statement-breakpoint
CREATE TABLE "dossier_answer_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"answer_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"change" text NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"before" jsonb,
	"after" jsonb,
	CONSTRAINT "dossier_answer_history_change_check" CHECK ("dossier_answer_history"."change" in ('created','updated','deleted'))
);
--> statement-breakpoint
CREATE TABLE "dossier_answer_links" (
	"answer_id" uuid NOT NULL,
	"timeline_item_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	CONSTRAINT "dossier_answer_links_answer_id_timeline_item_id_pk" PRIMARY KEY("answer_id","timeline_item_id")
);
--> statement-breakpoint
CREATE TABLE "dossier_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"instrument_version_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"value" jsonb,
	"evidence" text DEFAULT '' NOT NULL,
	"source_document" text,
	"source_date" date,
	"answered_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "dossier_answers_item_unique" UNIQUE("review_id","item_key")
);
--> statement-breakpoint
CREATE TABLE "dossier_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"instrument_version_id" uuid NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_reviews_status_check" CHECK ("dossier_reviews"."status" in ('active','closed'))
);
--> statement-breakpoint
ALTER TABLE "instrument_versions" ADD CONSTRAINT "instrument_versions_instrument_id_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_versions" ADD CONSTRAINT "instrument_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_versions" ADD CONSTRAINT "instrument_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_answer_history" ADD CONSTRAINT "dossier_answer_history_answer_id_dossier_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."dossier_answers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_answer_history" ADD CONSTRAINT "dossier_answer_history_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_answer_history" ADD CONSTRAINT "dossier_answer_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_answer_links" ADD CONSTRAINT "dossier_answer_links_answer_id_dossier_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."dossier_answers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_answer_links" ADD CONSTRAINT "dossier_answer_links_timeline_item_id_timeline_items_id_fk" FOREIGN KEY ("timeline_item_id") REFERENCES "public"."timeline_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_answer_links" ADD CONSTRAINT "dossier_answer_links_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_answers" ADD CONSTRAINT "dossier_answers_review_id_dossier_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."dossier_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_answers" ADD CONSTRAINT "dossier_answers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_answers" ADD CONSTRAINT "dossier_answers_instrument_version_id_instrument_versions_id_fk" FOREIGN KEY ("instrument_version_id") REFERENCES "public"."instrument_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_answers" ADD CONSTRAINT "dossier_answers_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_reviews" ADD CONSTRAINT "dossier_reviews_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_reviews" ADD CONSTRAINT "dossier_reviews_instrument_version_id_instrument_versions_id_fk" FOREIGN KEY ("instrument_version_id") REFERENCES "public"."instrument_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_reviews" ADD CONSTRAINT "dossier_reviews_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "instrument_versions_one_draft_idx" ON "instrument_versions" USING btree ("instrument_id") WHERE status = 'draft';--> statement-breakpoint
CREATE INDEX "dossier_answer_history_answer_idx" ON "dossier_answer_history" USING btree ("answer_id","version");--> statement-breakpoint
CREATE INDEX "dossier_answer_links_item_idx" ON "dossier_answer_links" USING btree ("timeline_item_id");--> statement-breakpoint
CREATE INDEX "dossier_answers_case_idx" ON "dossier_answers" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_reviews_one_active_idx" ON "dossier_reviews" USING btree ("case_id") WHERE status = 'active';--> statement-breakpoint
-- A published instrument version is never changed or removed: answers keep pointing at it.
CREATE OR REPLACE FUNCTION instrument_versions_keep_published() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'a published instrument version cannot be changed (%)', TG_OP USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER instrument_versions_keep_published BEFORE UPDATE OR DELETE ON instrument_versions FOR EACH ROW EXECUTE FUNCTION instrument_versions_keep_published();
