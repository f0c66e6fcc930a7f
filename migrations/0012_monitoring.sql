CREATE TABLE "access_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"table_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"discussed_on" date NOT NULL,
	"reference" text NOT NULL,
	"referring_team" text NOT NULL,
	"age_band" text NOT NULL,
	"problem_areas" text[] NOT NULL,
	"question_type" text NOT NULL,
	"information_sufficient" text NOT NULL,
	"information_missing" text DEFAULT '' NOT NULL,
	"outcome" text NOT NULL,
	"missing_help" text DEFAULT '' NOT NULL,
	"days_waiting" integer NOT NULL,
	"has_explanatory_analysis" boolean NOT NULL,
	"bottlenecks" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "access_registrations_age_band_check" CHECK ("access_registrations"."age_band" in ('0-5','6-11','12-15','16-17','18-23')),
	CONSTRAINT "access_registrations_information_check" CHECK ("access_registrations"."information_sufficient" in ('yes','partly','no')),
	CONSTRAINT "access_registrations_outcome_check" CHECK ("access_registrations"."outcome" in ('fitting_help','no_fitting_offer','waiting','other')),
	CONSTRAINT "access_registrations_days_check" CHECK ("access_registrations"."days_waiting" between 0 and 3650),
	CONSTRAINT "access_registrations_problem_areas_check" CHECK (cardinality("access_registrations"."problem_areas") >= 1)
);
--> statement-breakpoint
CREATE TABLE "access_table_members" (
	"table_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "access_table_members_table_id_user_id_pk" PRIMARY KEY("table_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "access_tables" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"small_cell_threshold" integer DEFAULT 5 NOT NULL,
	"sort_key" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "access_tables_kind_check" CHECK ("access_tables"."kind" in ('team_toegang','regional_expert_team','other')),
	CONSTRAINT "access_tables_threshold_check" CHECK ("access_tables"."small_cell_threshold" between 2 and 100)
);
--> statement-breakpoint
CREATE TABLE "monitoring_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"user_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"headers" jsonb NOT NULL,
	"rows" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_list_entries" (
	"list" text NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"sort_order" integer NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "monitoring_list_entries_list_code_pk" PRIMARY KEY("list","code"),
	CONSTRAINT "monitoring_list_entries_list_check" CHECK ("monitoring_list_entries"."list" in ('problem_area','question_type'))
);
--> statement-breakpoint
ALTER TABLE "access_registrations" ADD CONSTRAINT "access_registrations_table_id_access_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."access_tables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_registrations" ADD CONSTRAINT "access_registrations_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_registrations" ADD CONSTRAINT "access_registrations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_table_members" ADD CONSTRAINT "access_table_members_table_id_access_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."access_tables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_table_members" ADD CONSTRAINT "access_table_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_tables" ADD CONSTRAINT "access_tables_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_imports" ADD CONSTRAINT "monitoring_imports_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_imports" ADD CONSTRAINT "monitoring_imports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_registrations_region_idx" ON "access_registrations" USING btree ("region_code","discussed_on") WHERE "access_registrations"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "access_registrations_table_idx" ON "access_registrations" USING btree ("table_id","discussed_on") WHERE "access_registrations"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "access_table_members_user_idx" ON "access_table_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "access_tables_region_idx" ON "access_tables" USING btree ("region_code","sort_key");--> statement-breakpoint
CREATE INDEX "monitoring_imports_expiry_idx" ON "monitoring_imports" USING btree ("expires_at");