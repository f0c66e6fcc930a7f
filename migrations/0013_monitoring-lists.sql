-- The starting entries of the two editable monitoring lists. Codes are stable identifiers;
-- administrators may change labels, order and archiving.
INSERT INTO "monitoring_list_entries" ("list", "code", "label", "sort_order") VALUES
  ('question_type', 'treatment', 'Behandeling', 1),
  ('question_type', 'housing', 'Wonen / verblijfplek', 2),
  ('question_type', 'scaling_down', 'Afschalen', 3),
  ('question_type', 'system_help', 'Systeemgerichte hulp', 4),
  ('question_type', 'other', 'Anders', 5),
  ('problem_area', 'psychiatric', 'Psychiatrische problematiek', 1),
  ('problem_area', 'behaviour', 'Gedragsproblemen', 2),
  ('problem_area', 'addiction', 'Verslaving', 3),
  ('problem_area', 'intellectual_disability', 'Licht verstandelijke beperking', 4),
  ('problem_area', 'domestic_violence', 'Huiselijk geweld / onveiligheid', 5),
  ('problem_area', 'school_absence', 'Schoolverzuim', 6),
  ('problem_area', 'parenting', 'Opvoedproblemen', 7),
  ('problem_area', 'trauma', 'Trauma', 8),
  ('problem_area', 'other', 'Anders', 9);
