CREATE TABLE "case_assignments" (
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_assignments_case_id_user_id_pk" PRIMARY KEY("case_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"programme_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"institution_type" text NOT NULL,
	"region_code" text NOT NULL,
	"birth_year" integer NOT NULL,
	"gender" text,
	"status" text DEFAULT 'included' NOT NULL,
	"retention_until" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_code_unique" UNIQUE("code"),
	CONSTRAINT "cases_birth_year_check" CHECK ("cases"."birth_year" between 1980 and 2100),
	CONSTRAINT "cases_gender_check" CHECK ("cases"."gender" is null or "cases"."gender" in ('female','male','other')),
	CONSTRAINT "cases_status_check" CHECK ("cases"."status" in ('included','consent','timeline','dossier','interviews','review_meeting','analysed','closed'))
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"given_by" text NOT NULL,
	"representative_id" uuid,
	"given_on" date NOT NULL,
	"form_version" text NOT NULL,
	"withdrawn_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consents_purpose_check" CHECK ("consents"."purpose" in ('interview','recording','dossier','quotes','meeting')),
	CONSTRAINT "consents_given_by_check" CHECK ("consents"."given_by" in ('self','legal_representative')),
	CONSTRAINT "consents_representative_check" CHECK (("consents"."given_by" = 'self') = ("consents"."representative_id" is null)),
	CONSTRAINT "consents_withdrawn_check" CHECK ("consents"."withdrawn_on" is null or "consents"."withdrawn_on" >= "consents"."given_on")
);
--> statement-breakpoint
CREATE TABLE "institution_types" (
	"code" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"has_authority" boolean DEFAULT false NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participants_kind_check" CHECK ("participants"."kind" in ('youth','parent','main_practitioner','other_professional','network'))
);
--> statement-breakpoint
ALTER TABLE "case_assignments" ADD CONSTRAINT "case_assignments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assignments" ADD CONSTRAINT "case_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_institution_type_institution_types_code_fk" FOREIGN KEY ("institution_type") REFERENCES "public"."institution_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_representative_id_participants_id_fk" FOREIGN KEY ("representative_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_assignments_user_idx" ON "case_assignments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "cases_team_idx" ON "cases" USING btree ("team_id","created_at");--> statement-breakpoint
CREATE INDEX "cases_programme_idx" ON "cases" USING btree ("programme_id","created_at");--> statement-breakpoint
CREATE INDEX "consents_case_idx" ON "consents" USING btree ("case_id","participant_id");--> statement-breakpoint
CREATE INDEX "participants_case_idx" ON "participants" USING btree ("case_id");