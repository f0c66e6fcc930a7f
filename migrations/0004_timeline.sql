CREATE TABLE "case_indicators" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"placements" integer NOT NULL,
	"placement_changes" integer NOT NULL,
	"school_changes" integer NOT NULL,
	"months_without_school" real NOT NULL,
	"care_providers" integer NOT NULL,
	"age_at_first_signal" real,
	"age_at_first_specialist_help" real,
	"early_signal_gap" real,
	"diagnoses_revised" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "timeline_categories" (
	"list" text NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"marker" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "timeline_categories_list_code_pk" PRIMARY KEY("list","code"),
	CONSTRAINT "timeline_categories_list_check" CHECK ("timeline_categories"."list" in ('setting_type','school_type','care_type','justice_measure')),
	CONSTRAINT "timeline_categories_marker_check" CHECK ("timeline_categories"."marker" is null or "timeline_categories"."marker" in ('out_of_home','specialist','no_school'))
);
--> statement-breakpoint
CREATE TABLE "timeline_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"perspective" text NOT NULL,
	"participant_id" uuid,
	"text" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "timeline_comments_perspective_check" CHECK ("timeline_comments"."perspective" in ('youth','parent','professional','dossier'))
);
--> statement-breakpoint
CREATE TABLE "timeline_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"change" text NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"before" jsonb,
	"after" jsonb,
	CONSTRAINT "timeline_history_change_check" CHECK ("timeline_history"."change" in ('created','updated','deleted','removed'))
);
--> statement-breakpoint
CREATE TABLE "timeline_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"lane" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"start_date" jsonb NOT NULL,
	"start_earliest" date NOT NULL,
	"start_latest" date NOT NULL,
	"end_date" jsonb,
	"end_earliest" date,
	"end_latest" date,
	"valence" text DEFAULT 'neutral' NOT NULL,
	"source" text NOT NULL,
	"source_participant_id" uuid,
	"category_code" text,
	"reference" text,
	"waiting_days" integer,
	"is_signal" boolean DEFAULT false NOT NULL,
	"revises_item_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "timeline_items_kind_check" CHECK ("timeline_items"."kind" in ('event','period')),
	CONSTRAINT "timeline_items_lane_check" CHECK ("timeline_items"."lane" in ('living','school','care','diagnosis','justice','family','people')),
	CONSTRAINT "timeline_items_valence_check" CHECK ("timeline_items"."valence" in ('positive','neutral','negative')),
	CONSTRAINT "timeline_items_source_check" CHECK ("timeline_items"."source" in ('youth','parent','professional','dossier')),
	CONSTRAINT "timeline_items_range_check" CHECK ("timeline_items"."start_earliest" <= "timeline_items"."start_latest"),
	CONSTRAINT "timeline_items_end_check" CHECK ("timeline_items"."end_latest" is null or ("timeline_items"."kind" = 'period' and "timeline_items"."end_latest" >= "timeline_items"."start_earliest"))
);
--> statement-breakpoint
ALTER TABLE "case_indicators" ADD CONSTRAINT "case_indicators_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_comments" ADD CONSTRAINT "timeline_comments_item_id_timeline_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."timeline_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_comments" ADD CONSTRAINT "timeline_comments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_comments" ADD CONSTRAINT "timeline_comments_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_comments" ADD CONSTRAINT "timeline_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_history" ADD CONSTRAINT "timeline_history_item_id_timeline_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."timeline_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_history" ADD CONSTRAINT "timeline_history_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_history" ADD CONSTRAINT "timeline_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_items" ADD CONSTRAINT "timeline_items_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_items" ADD CONSTRAINT "timeline_items_source_participant_id_participants_id_fk" FOREIGN KEY ("source_participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_items" ADD CONSTRAINT "timeline_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "timeline_comments_case_idx" ON "timeline_comments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "timeline_history_item_idx" ON "timeline_history" USING btree ("item_id","version");--> statement-breakpoint
CREATE INDEX "timeline_items_case_idx" ON "timeline_items" USING btree ("case_id","start_earliest");