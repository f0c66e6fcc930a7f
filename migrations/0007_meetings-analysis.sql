CREATE TABLE "meeting_attendees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"participant_id" uuid,
	"user_id" uuid,
	"guest_role" text,
	"guest_organisation" text,
	"prepared_timeline" boolean DEFAULT false NOT NULL,
	"prepared_dossier" boolean DEFAULT false NOT NULL,
	"attended" boolean,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_attendees_participant_unique" UNIQUE("meeting_id","participant_id"),
	CONSTRAINT "meeting_attendees_user_unique" UNIQUE("meeting_id","user_id"),
	CONSTRAINT "meeting_attendees_kind_check" CHECK (("meeting_attendees"."kind" = 'participant' and "meeting_attendees"."participant_id" is not null and "meeting_attendees"."user_id" is null and "meeting_attendees"."guest_role" is null)
        or ("meeting_attendees"."kind" = 'team_member' and "meeting_attendees"."user_id" is not null and "meeting_attendees"."participant_id" is null and "meeting_attendees"."guest_role" is null)
        or ("meeting_attendees"."kind" = 'guest' and "meeting_attendees"."guest_role" is not null and "meeting_attendees"."participant_id" is null and "meeting_attendees"."user_id" is null))
);
--> statement-breakpoint
CREATE TABLE "meeting_contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"part" text NOT NULL,
	"text" text NOT NULL,
	"speaker_role" text NOT NULL,
	"attendee_id" uuid,
	"timeline_item_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "meeting_contributions_part_check" CHECK ("meeting_contributions"."part" in ('went_well','could_differ','helped','hindered','cooperation','learning_point')),
	CONSTRAINT "meeting_contributions_speaker_check" CHECK ("meeting_contributions"."speaker_role" in ('youth','parent','network','professional','researcher','expert_by_experience','guest'))
);
--> statement-breakpoint
CREATE TABLE "meeting_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"change" text NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"before" jsonb,
	"after" jsonb,
	CONSTRAINT "meeting_history_entity_check" CHECK ("meeting_history"."entity" in ('meeting','attendee','contribution','plan_step','follow_up')),
	CONSTRAINT "meeting_history_change_check" CHECK ("meeting_history"."change" in ('created','updated','deleted','removed'))
);
--> statement-breakpoint
CREATE TABLE "meeting_plan_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"step_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"on_date" date NOT NULL,
	"tried" text NOT NULL,
	"result" text DEFAULT '' NOT NULL,
	"next" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_plan_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"what" text NOT NULL,
	"who" text NOT NULL,
	"due" date,
	"status" text DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "meeting_plan_steps_status_check" CHECK ("meeting_plan_steps"."status" in ('open','in_progress','done','dropped'))
);
--> statement-breakpoint
CREATE TABLE "review_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"planned_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer DEFAULT 180 NOT NULL,
	"preparation_minutes" integer DEFAULT 60 NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "review_meetings_status_check" CHECK ("review_meetings"."status" in ('planned','held','cancelled')),
	CONSTRAINT "review_meetings_duration_check" CHECK ("review_meetings"."duration_minutes" between 30 and 600),
	CONSTRAINT "review_meetings_preparation_check" CHECK ("review_meetings"."preparation_minutes" between 0 and 480)
);
--> statement-breakpoint
CREATE TABLE "analyses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"domain_version_id" uuid NOT NULL,
	"problem_statement" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analyses_case_id_unique" UNIQUE("case_id")
);
--> statement-breakpoint
CREATE TABLE "analysis_factors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"analysis_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"domain_key" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"perspective" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "analysis_factors_kind_check" CHECK ("analysis_factors"."kind" in ('strength','problem')),
	CONSTRAINT "analysis_factors_perspective_check" CHECK ("analysis_factors"."perspective" in ('youth','parent','professional','dossier'))
);
--> statement-breakpoint
CREATE TABLE "analysis_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"analysis_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"change" text NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"before" jsonb,
	"after" jsonb,
	CONSTRAINT "analysis_history_entity_check" CHECK ("analysis_history"."entity" in ('analysis','factor','hypothesis','theory'))
);
--> statement-breakpoint
CREATE TABLE "analysis_hypotheses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"analysis_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"effect_factor_id" uuid,
	"explanation" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "analysis_hypothesis_causes" (
	"hypothesis_id" uuid NOT NULL,
	"factor_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analysis_hypothesis_causes_hypothesis_id_factor_id_pk" PRIMARY KEY("hypothesis_id","factor_id")
);
--> statement-breakpoint
CREATE TABLE "analysis_theories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"analysis_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"dated" date NOT NULL,
	"text" text NOT NULL,
	"evaluation" text DEFAULT '' NOT NULL,
	"youth_view" text DEFAULT 'not_asked' NOT NULL,
	"youth_words" text DEFAULT '' NOT NULL,
	"parent_view" text DEFAULT 'not_asked' NOT NULL,
	"parent_words" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analysis_theories_number_unique" UNIQUE("analysis_id","number"),
	CONSTRAINT "analysis_theories_views_check" CHECK ("analysis_theories"."youth_view" in ('agreed','partly','disagreed','not_asked') and "analysis_theories"."parent_view" in ('agreed','partly','disagreed','not_asked'))
);
--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_meeting_id_review_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."review_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_contributions" ADD CONSTRAINT "meeting_contributions_meeting_id_review_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."review_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_contributions" ADD CONSTRAINT "meeting_contributions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_contributions" ADD CONSTRAINT "meeting_contributions_attendee_id_meeting_attendees_id_fk" FOREIGN KEY ("attendee_id") REFERENCES "public"."meeting_attendees"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_contributions" ADD CONSTRAINT "meeting_contributions_timeline_item_id_timeline_items_id_fk" FOREIGN KEY ("timeline_item_id") REFERENCES "public"."timeline_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_contributions" ADD CONSTRAINT "meeting_contributions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_history" ADD CONSTRAINT "meeting_history_meeting_id_review_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."review_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_history" ADD CONSTRAINT "meeting_history_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_history" ADD CONSTRAINT "meeting_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_plan_follow_ups" ADD CONSTRAINT "meeting_plan_follow_ups_step_id_meeting_plan_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."meeting_plan_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_plan_follow_ups" ADD CONSTRAINT "meeting_plan_follow_ups_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_plan_follow_ups" ADD CONSTRAINT "meeting_plan_follow_ups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_plan_steps" ADD CONSTRAINT "meeting_plan_steps_meeting_id_review_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."review_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_plan_steps" ADD CONSTRAINT "meeting_plan_steps_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_plan_steps" ADD CONSTRAINT "meeting_plan_steps_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_meetings" ADD CONSTRAINT "review_meetings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_meetings" ADD CONSTRAINT "review_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analyses" ADD CONSTRAINT "analyses_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analyses" ADD CONSTRAINT "analyses_domain_version_id_instrument_versions_id_fk" FOREIGN KEY ("domain_version_id") REFERENCES "public"."instrument_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analyses" ADD CONSTRAINT "analyses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_factors" ADD CONSTRAINT "analysis_factors_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_factors" ADD CONSTRAINT "analysis_factors_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_factors" ADD CONSTRAINT "analysis_factors_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_history" ADD CONSTRAINT "analysis_history_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_history" ADD CONSTRAINT "analysis_history_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_history" ADD CONSTRAINT "analysis_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_hypotheses" ADD CONSTRAINT "analysis_hypotheses_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_hypotheses" ADD CONSTRAINT "analysis_hypotheses_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_hypotheses" ADD CONSTRAINT "analysis_hypotheses_effect_factor_id_analysis_factors_id_fk" FOREIGN KEY ("effect_factor_id") REFERENCES "public"."analysis_factors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_hypotheses" ADD CONSTRAINT "analysis_hypotheses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_hypothesis_causes" ADD CONSTRAINT "analysis_hypothesis_causes_hypothesis_id_analysis_hypotheses_id_fk" FOREIGN KEY ("hypothesis_id") REFERENCES "public"."analysis_hypotheses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_hypothesis_causes" ADD CONSTRAINT "analysis_hypothesis_causes_factor_id_analysis_factors_id_fk" FOREIGN KEY ("factor_id") REFERENCES "public"."analysis_factors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_theories" ADD CONSTRAINT "analysis_theories_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_theories" ADD CONSTRAINT "analysis_theories_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_theories" ADD CONSTRAINT "analysis_theories_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_attendees_meeting_idx" ON "meeting_attendees" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_contributions_meeting_idx" ON "meeting_contributions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_history_meeting_idx" ON "meeting_history" USING btree ("meeting_id","changed_at");--> statement-breakpoint
CREATE INDEX "meeting_plan_follow_ups_step_idx" ON "meeting_plan_follow_ups" USING btree ("step_id");--> statement-breakpoint
CREATE INDEX "meeting_plan_steps_meeting_idx" ON "meeting_plan_steps" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "review_meetings_case_idx" ON "review_meetings" USING btree ("case_id","planned_at");--> statement-breakpoint
CREATE INDEX "analysis_factors_analysis_idx" ON "analysis_factors" USING btree ("analysis_id");--> statement-breakpoint
CREATE INDEX "analysis_history_analysis_idx" ON "analysis_history" USING btree ("analysis_id");--> statement-breakpoint
CREATE INDEX "analysis_hypotheses_analysis_idx" ON "analysis_hypotheses" USING btree ("analysis_id");