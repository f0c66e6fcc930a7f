CREATE TABLE "synthesis_theme_codes" (
	"code_id" uuid PRIMARY KEY NOT NULL,
	"theme_id" uuid NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"placed_by" uuid,
	"placed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "synthesis_themes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "synthesis_thread_codes" (
	"thread_id" uuid NOT NULL,
	"code_id" uuid NOT NULL,
	CONSTRAINT "synthesis_thread_codes_thread_id_code_id_pk" PRIMARY KEY("thread_id","code_id")
);
--> statement-breakpoint
CREATE TABLE "synthesis_thread_quotes" (
	"thread_id" uuid NOT NULL,
	"segment_id" uuid NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"chosen_by" uuid,
	"chosen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "synthesis_thread_quotes_thread_id_segment_id_pk" PRIMARY KEY("thread_id","segment_id")
);
--> statement-breakpoint
CREATE TABLE "synthesis_thread_versions" (
	"thread_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"change" text NOT NULL,
	"state" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "synthesis_thread_versions_thread_id_version_pk" PRIMARY KEY("thread_id","version")
);
--> statement-breakpoint
CREATE TABLE "synthesis_threads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"theme_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"status_reason" text,
	"supersedes" uuid,
	"superseded_by" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "synthesis_threads_number_unique" UNIQUE("programme_id","number"),
	CONSTRAINT "synthesis_threads_status_check" CHECK ("synthesis_threads"."status" in ('active','superseded','withdrawn')),
	CONSTRAINT "synthesis_threads_status_shape_check" CHECK (("synthesis_threads"."status" = 'superseded') = ("synthesis_threads"."superseded_by" is not null)
        and ("synthesis_threads"."status" = 'withdrawn') = ("synthesis_threads"."status_reason" is not null and length("synthesis_threads"."status_reason") > 0))
);
--> statement-breakpoint
CREATE TABLE "recommendation_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"change" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendation_links" (
	"from_id" uuid NOT NULL,
	"to_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendation_links_from_id_to_id_pk" PRIMARY KEY("from_id","to_id"),
	CONSTRAINT "recommendation_links_order_check" CHECK ("recommendation_links"."from_id" < "recommendation_links"."to_id")
);
--> statement-breakpoint
CREATE TABLE "recommendation_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"recommendation_version" integer NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"verdict" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendation_reviews_verdict_check" CHECK ("recommendation_reviews"."verdict" in ('approve','request_changes','comment'))
);
--> statement-breakpoint
CREATE TABLE "recommendation_threads" (
	"recommendation_id" uuid NOT NULL,
	"thread_id" uuid NOT NULL,
	CONSTRAINT "recommendation_threads_recommendation_id_thread_id_pk" PRIMARY KEY("recommendation_id","thread_id")
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"stakeholder_group" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"review_state" text DEFAULT 'draft' NOT NULL,
	"withdrawn_reason" text,
	"published_at" timestamp with time zone,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendations_review_state_check" CHECK ("recommendations"."review_state" in ('draft','in_review','changes_requested','approved','published','withdrawn')),
	CONSTRAINT "recommendations_withdrawn_check" CHECK (("recommendations"."review_state" = 'withdrawn') = ("recommendations"."withdrawn_reason" is not null and length("recommendations"."withdrawn_reason") > 0)),
	CONSTRAINT "recommendations_published_check" CHECK (("recommendations"."review_state" = 'published') = ("recommendations"."published_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "synthesis_theme_codes" ADD CONSTRAINT "synthesis_theme_codes_code_id_qda_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."qda_codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synthesis_theme_codes" ADD CONSTRAINT "synthesis_theme_codes_theme_id_synthesis_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."synthesis_themes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synthesis_theme_codes" ADD CONSTRAINT "synthesis_theme_codes_placed_by_users_id_fk" FOREIGN KEY ("placed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synthesis_themes" ADD CONSTRAINT "synthesis_themes_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synthesis_themes" ADD CONSTRAINT "synthesis_themes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synthesis_thread_codes" ADD CONSTRAINT "synthesis_thread_codes_thread_id_synthesis_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."synthesis_threads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synthesis_thread_codes" ADD CONSTRAINT "synthesis_thread_codes_code_id_qda_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."qda_codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synthesis_thread_quotes" ADD CONSTRAINT "synthesis_thread_quotes_thread_id_synthesis_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."synthesis_threads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synthesis_thread_quotes" ADD CONSTRAINT "synthesis_thread_quotes_segment_id_qda_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."qda_segments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synthesis_thread_quotes" ADD CONSTRAINT "synthesis_thread_quotes_chosen_by_users_id_fk" FOREIGN KEY ("chosen_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synthesis_thread_versions" ADD CONSTRAINT "synthesis_thread_versions_thread_id_synthesis_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."synthesis_threads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synthesis_thread_versions" ADD CONSTRAINT "synthesis_thread_versions_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synthesis_threads" ADD CONSTRAINT "synthesis_threads_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synthesis_threads" ADD CONSTRAINT "synthesis_threads_theme_id_synthesis_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."synthesis_themes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synthesis_threads" ADD CONSTRAINT "synthesis_threads_supersedes_synthesis_threads_id_fk" FOREIGN KEY ("supersedes") REFERENCES "public"."synthesis_threads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synthesis_threads" ADD CONSTRAINT "synthesis_threads_superseded_by_synthesis_threads_id_fk" FOREIGN KEY ("superseded_by") REFERENCES "public"."synthesis_threads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synthesis_threads" ADD CONSTRAINT "synthesis_threads_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_history" ADD CONSTRAINT "recommendation_history_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_history" ADD CONSTRAINT "recommendation_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_links" ADD CONSTRAINT "recommendation_links_from_id_recommendations_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."recommendations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_links" ADD CONSTRAINT "recommendation_links_to_id_recommendations_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."recommendations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_links" ADD CONSTRAINT "recommendation_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_reviews" ADD CONSTRAINT "recommendation_reviews_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_reviews" ADD CONSTRAINT "recommendation_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_threads" ADD CONSTRAINT "recommendation_threads_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_threads" ADD CONSTRAINT "recommendation_threads_thread_id_synthesis_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."synthesis_threads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "synthesis_theme_codes_theme_idx" ON "synthesis_theme_codes" USING btree ("theme_id","sort_order");--> statement-breakpoint
CREATE INDEX "synthesis_themes_programme_idx" ON "synthesis_themes" USING btree ("programme_id","sort_order");--> statement-breakpoint
CREATE INDEX "synthesis_thread_codes_code_idx" ON "synthesis_thread_codes" USING btree ("code_id");--> statement-breakpoint
CREATE INDEX "synthesis_thread_quotes_segment_idx" ON "synthesis_thread_quotes" USING btree ("segment_id");--> statement-breakpoint
CREATE INDEX "synthesis_threads_programme_idx" ON "synthesis_threads" USING btree ("programme_id","status","sort_order");--> statement-breakpoint
CREATE INDEX "recommendation_history_recommendation_idx" ON "recommendation_history" USING btree ("recommendation_id","id");--> statement-breakpoint
CREATE INDEX "recommendation_links_to_idx" ON "recommendation_links" USING btree ("to_id");--> statement-breakpoint
CREATE INDEX "recommendation_reviews_recommendation_idx" ON "recommendation_reviews" USING btree ("recommendation_id","created_at");--> statement-breakpoint
CREATE INDEX "recommendation_threads_thread_idx" ON "recommendation_threads" USING btree ("thread_id");--> statement-breakpoint
CREATE INDEX "recommendations_programme_idx" ON "recommendations" USING btree ("programme_id","stakeholder_group","sort_order");