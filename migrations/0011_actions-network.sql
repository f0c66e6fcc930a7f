CREATE TABLE "improvement_action_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"on_date" date NOT NULL,
	"done" text NOT NULL,
	"effect" text DEFAULT '' NOT NULL,
	"next_step" text DEFAULT '' NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "improvement_action_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"action_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"change" text NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"before" jsonb,
	"after" jsonb,
	CONSTRAINT "improvement_action_history_entity_check" CHECK ("improvement_action_history"."entity" in ('action','link','follow_up')),
	CONSTRAINT "improvement_action_history_change_check" CHECK ("improvement_action_history"."change" in ('created','updated','deleted'))
);
--> statement-breakpoint
CREATE TABLE "improvement_action_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"target_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "improvement_action_links_unique" UNIQUE("action_id","kind","target_id"),
	CONSTRAINT "improvement_action_links_kind_check" CHECK ("improvement_action_links"."kind" in ('review_meeting','plan_step','network_meeting','thread','recommendation'))
);
--> statement-breakpoint
CREATE TABLE "improvement_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"plain_summary" text DEFAULT '' NOT NULL,
	"plain_result" text DEFAULT '' NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"owner_user_id" uuid,
	"due_on" date NOT NULL,
	"stakeholder_group" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"drop_reason" text,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sort_key" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "improvement_actions_status_check" CHECK ("improvement_actions"."status" in ('proposed','agreed','in_progress','done','evaluated','dropped')),
	CONSTRAINT "improvement_actions_drop_reason_check" CHECK (("improvement_actions"."status" = 'dropped') = ("improvement_actions"."drop_reason" is not null and length("improvement_actions"."drop_reason") > 0))
);
--> statement-breakpoint
CREATE TABLE "network_meeting_attendees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"organisation_id" uuid,
	"role_label" text DEFAULT '' NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_meeting_attendees_user_unique" UNIQUE("meeting_id","user_id"),
	CONSTRAINT "network_meeting_attendees_kind_check" CHECK (("network_meeting_attendees"."kind" = 'group' and "network_meeting_attendees"."organisation_id" is not null and "network_meeting_attendees"."user_id" is null and "network_meeting_attendees"."count" between 1 and 500)
        or ("network_meeting_attendees"."kind" = 'user' and "network_meeting_attendees"."user_id" is not null and "network_meeting_attendees"."count" = 1))
);
--> statement-breakpoint
CREATE TABLE "network_meeting_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"change" text NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"before" jsonb,
	"after" jsonb,
	CONSTRAINT "network_meeting_history_entity_check" CHECK ("network_meeting_history"."entity" in ('meeting','attendee','material')),
	CONSTRAINT "network_meeting_history_change_check" CHECK ("network_meeting_history"."change" in ('created','updated','deleted'))
);
--> statement-breakpoint
CREATE TABLE "network_meeting_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"region_code" text,
	"year" integer,
	"quarter" integer,
	"target_id" uuid,
	"title" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_meeting_materials_kind_check" CHECK (("network_meeting_materials"."kind" = 'quarterly_report' and "network_meeting_materials"."region_code" is not null and "network_meeting_materials"."year" is not null and "network_meeting_materials"."quarter" between 1 and 4)
        or ("network_meeting_materials"."kind" = 'thread' and "network_meeting_materials"."target_id" is not null)
        or ("network_meeting_materials"."kind" in ('case_summary','document') and length("network_meeting_materials"."title") > 0))
);
--> statement-breakpoint
CREATE TABLE "network_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"theme" text NOT NULL,
	"meets_on" date NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"outcomes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_meetings_status_check" CHECK ("network_meetings"."status" in ('planned','held','cancelled'))
);
--> statement-breakpoint
ALTER TABLE "improvement_action_follow_ups" ADD CONSTRAINT "improvement_action_follow_ups_action_id_improvement_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."improvement_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_action_follow_ups" ADD CONSTRAINT "improvement_action_follow_ups_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_action_history" ADD CONSTRAINT "improvement_action_history_action_id_improvement_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."improvement_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_action_history" ADD CONSTRAINT "improvement_action_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_action_links" ADD CONSTRAINT "improvement_action_links_action_id_improvement_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."improvement_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_action_links" ADD CONSTRAINT "improvement_action_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD CONSTRAINT "improvement_actions_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD CONSTRAINT "improvement_actions_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD CONSTRAINT "improvement_actions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD CONSTRAINT "improvement_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_attendees" ADD CONSTRAINT "network_meeting_attendees_meeting_id_network_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."network_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_attendees" ADD CONSTRAINT "network_meeting_attendees_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_attendees" ADD CONSTRAINT "network_meeting_attendees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_history" ADD CONSTRAINT "network_meeting_history_meeting_id_network_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."network_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_history" ADD CONSTRAINT "network_meeting_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_materials" ADD CONSTRAINT "network_meeting_materials_meeting_id_network_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."network_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_materials" ADD CONSTRAINT "network_meeting_materials_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meetings" ADD CONSTRAINT "network_meetings_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meetings" ADD CONSTRAINT "network_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "improvement_action_follow_ups_action_idx" ON "improvement_action_follow_ups" USING btree ("action_id","on_date");--> statement-breakpoint
CREATE INDEX "improvement_action_history_action_idx" ON "improvement_action_history" USING btree ("action_id","id");--> statement-breakpoint
CREATE INDEX "improvement_action_links_target_idx" ON "improvement_action_links" USING btree ("kind","target_id");--> statement-breakpoint
CREATE INDEX "improvement_actions_programme_idx" ON "improvement_actions" USING btree ("programme_id","due_on","id");--> statement-breakpoint
CREATE INDEX "improvement_actions_owner_idx" ON "improvement_actions" USING btree ("owner_user_id","due_on");--> statement-breakpoint
CREATE INDEX "improvement_actions_organisation_idx" ON "improvement_actions" USING btree ("owner_organisation_id","due_on");--> statement-breakpoint
CREATE INDEX "network_meeting_attendees_meeting_idx" ON "network_meeting_attendees" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "network_meeting_history_meeting_idx" ON "network_meeting_history" USING btree ("meeting_id","id");--> statement-breakpoint
CREATE INDEX "network_meeting_materials_meeting_idx" ON "network_meeting_materials" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "network_meetings_programme_idx" ON "network_meetings" USING btree ("programme_id","meets_on","id");