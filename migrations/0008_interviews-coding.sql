CREATE TABLE "interviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"interviewer_id" uuid,
	"mode" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interviews_source_id_unique" UNIQUE("source_id"),
	CONSTRAINT "interviews_mode_check" CHECK ("interviews"."mode" in ('in_person','video','phone','written'))
);
--> statement-breakpoint
CREATE TABLE "qda_code_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"code_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"change" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qda_codebook_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"label" text NOT NULL,
	"content" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "qda_codebook_snapshots_number_unique" UNIQUE("programme_id","number")
);
--> statement-breakpoint
CREATE TABLE "qda_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"definition" text DEFAULT '' NOT NULL,
	"inclusion" text DEFAULT '' NOT NULL,
	"exclusion" text DEFAULT '' NOT NULL,
	"color" text DEFAULT '#1f6feb' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"merged_into" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "qda_codes_color_check" CHECK ("qda_codes"."color" ~ '^#[0-9a-f]{6}$'),
	CONSTRAINT "qda_codes_parent_check" CHECK ("qda_codes"."parent_id" is null or "qda_codes"."parent_id" <> "qda_codes"."id")
);
--> statement-breakpoint
CREATE TABLE "qda_external_coders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qda_imported_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"case_id" uuid,
	"values" jsonb NOT NULL,
	"source_ids" uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qda_memos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"case_id" uuid,
	"target_type" text NOT NULL,
	"target_id" uuid NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid,
	"external_author_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "qda_memos_target_check" CHECK ("qda_memos"."target_type" in ('segment','code','source','case','project'))
);
--> statement-breakpoint
CREATE TABLE "qda_segments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"case_id" uuid,
	"code_id" uuid,
	"start_pos" integer NOT NULL,
	"end_pos" integer NOT NULL,
	"coder_id" uuid,
	"external_coder_id" uuid,
	"important" boolean DEFAULT false NOT NULL,
	"quote" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "qda_segments_range_check" CHECK ("qda_segments"."start_pos" >= 0 and "qda_segments"."end_pos" > "qda_segments"."start_pos"),
	CONSTRAINT "qda_segments_coder_check" CHECK (("qda_segments"."coder_id" is null) <> ("qda_segments"."external_coder_id" is null))
);
--> statement-breakpoint
CREATE TABLE "qda_source_reveals" (
	"source_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"revealed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "qda_source_reveals_source_id_user_id_pk" PRIMARY KEY("source_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "qda_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"case_id" uuid,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"length" integer DEFAULT 0 NOT NULL,
	"participant_id" uuid,
	"origin_id" uuid,
	"description" text DEFAULT '' NOT NULL,
	"blind" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('dutch'::regconfig, body)) STORED NOT NULL,
	CONSTRAINT "qda_sources_kind_check" CHECK ("qda_sources"."kind" in ('interview','meeting_reflection','dossier_evidence','imported'))
);
--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_source_id_qda_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."qda_sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_interviewer_id_users_id_fk" FOREIGN KEY ("interviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qda_code_history" ADD CONSTRAINT "qda_code_history_code_id_qda_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."qda_codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qda_code_history" ADD CONSTRAINT "qda_code_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qda_codebook_snapshots" ADD CONSTRAINT "qda_codebook_snapshots_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qda_codebook_snapshots" ADD CONSTRAINT "qda_codebook_snapshots_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qda_codes" ADD CONSTRAINT "qda_codes_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qda_codes" ADD CONSTRAINT "qda_codes_parent_id_qda_codes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."qda_codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qda_codes" ADD CONSTRAINT "qda_codes_merged_into_qda_codes_id_fk" FOREIGN KEY ("merged_into") REFERENCES "public"."qda_codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qda_codes" ADD CONSTRAINT "qda_codes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qda_external_coders" ADD CONSTRAINT "qda_external_coders_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qda_imported_cases" ADD CONSTRAINT "qda_imported_cases_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qda_imported_cases" ADD CONSTRAINT "qda_imported_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qda_memos" ADD CONSTRAINT "qda_memos_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qda_memos" ADD CONSTRAINT "qda_memos_external_author_id_qda_external_coders_id_fk" FOREIGN KEY ("external_author_id") REFERENCES "public"."qda_external_coders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qda_segments" ADD CONSTRAINT "qda_segments_source_id_qda_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."qda_sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qda_segments" ADD CONSTRAINT "qda_segments_code_id_qda_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."qda_codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qda_segments" ADD CONSTRAINT "qda_segments_coder_id_users_id_fk" FOREIGN KEY ("coder_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qda_segments" ADD CONSTRAINT "qda_segments_external_coder_id_qda_external_coders_id_fk" FOREIGN KEY ("external_coder_id") REFERENCES "public"."qda_external_coders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qda_source_reveals" ADD CONSTRAINT "qda_source_reveals_source_id_qda_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."qda_sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qda_source_reveals" ADD CONSTRAINT "qda_source_reveals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qda_sources" ADD CONSTRAINT "qda_sources_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qda_sources" ADD CONSTRAINT "qda_sources_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qda_sources" ADD CONSTRAINT "qda_sources_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qda_sources" ADD CONSTRAINT "qda_sources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interviews_case_idx" ON "interviews" USING btree ("case_id","held_on");--> statement-breakpoint
CREATE INDEX "qda_code_history_code_idx" ON "qda_code_history" USING btree ("code_id","id");--> statement-breakpoint
CREATE INDEX "qda_codes_programme_idx" ON "qda_codes" USING btree ("programme_id","parent_id");--> statement-breakpoint
CREATE INDEX "qda_external_coders_programme_idx" ON "qda_external_coders" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "qda_imported_cases_programme_idx" ON "qda_imported_cases" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "qda_memos_target_idx" ON "qda_memos" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "qda_memos_case_idx" ON "qda_memos" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "qda_segments_source_idx" ON "qda_segments" USING btree ("source_id","start_pos");--> statement-breakpoint
CREATE INDEX "qda_segments_code_idx" ON "qda_segments" USING btree ("code_id","case_id") WHERE "qda_segments"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "qda_segments_case_idx" ON "qda_segments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "qda_sources_programme_idx" ON "qda_sources" USING btree ("programme_id","case_id");--> statement-breakpoint
CREATE INDEX "qda_sources_case_idx" ON "qda_sources" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "qda_sources_search_idx" ON "qda_sources" USING gin ("search");