CREATE TABLE "thematic_report_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"lang" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"content" jsonb NOT NULL,
	"thread_versions" jsonb NOT NULL,
	"recommendation_versions" jsonb NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "thematic_report_versions_number_unique" UNIQUE("programme_id","number"),
	CONSTRAINT "thematic_report_versions_lang_check" CHECK ("thematic_report_versions"."lang" in ('nl','en'))
);
--> statement-breakpoint
ALTER TABLE "thematic_report_versions" ADD CONSTRAINT "thematic_report_versions_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thematic_report_versions" ADD CONSTRAINT "thematic_report_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;