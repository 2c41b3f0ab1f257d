-- Coverage reads one short row per person, stored together per setting: a trust's coverage reads its settings' rows
-- as a few contiguous ranges of one table instead of staff, staff_coverage and progress rows spread over the file.
-- The row holds everything a coverage count reads: the person's setting, role and phase, the areas where they are
-- secure (NULL before a first self-assessment; copied from staff_coverage, written with each pathway) and the modules
-- they completed (comma-separated). Triggers keep it in step with staff, staff_coverage and progress in the same
-- statement as each write, so every write path (imports, edits, check-ins, progress, erasure) keeps it exact.
CREATE TABLE coverage_people (
  setting_id TEXT NOT NULL,
  staff_id TEXT NOT NULL,
  job_role TEXT NOT NULL,
  phase TEXT NOT NULL,
  secure_areas TEXT,
  done TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (setting_id, staff_id)
) WITHOUT ROWID;

CREATE TRIGGER coverage_people_staff_insert AFTER INSERT ON staff
BEGIN
  INSERT INTO coverage_people (setting_id, staff_id, job_role, phase, secure_areas, done)
  VALUES (NEW.setting_id, NEW.id, NEW.job_role, NEW.phase,
    (SELECT c.secure_areas FROM staff_coverage c WHERE c.staff_id = NEW.id),
    coalesce((SELECT group_concat(p.module_id, ',') FROM progress p WHERE p.staff_id = NEW.id AND p.status = 'completed'), ''));
END;

CREATE TRIGGER coverage_people_staff_update AFTER UPDATE OF setting_id, job_role, phase ON staff
BEGIN
  UPDATE coverage_people SET setting_id = NEW.setting_id, job_role = NEW.job_role, phase = NEW.phase
  WHERE setting_id = OLD.setting_id AND staff_id = OLD.id;
END;

CREATE TRIGGER coverage_people_staff_delete AFTER DELETE ON staff
BEGIN
  DELETE FROM coverage_people WHERE setting_id = OLD.setting_id AND staff_id = OLD.id;
END;

CREATE TRIGGER coverage_people_secure_insert AFTER INSERT ON staff_coverage
BEGIN
  UPDATE coverage_people SET secure_areas = NEW.secure_areas
  WHERE setting_id = (SELECT s.setting_id FROM staff s WHERE s.id = NEW.staff_id) AND staff_id = NEW.staff_id;
END;

CREATE TRIGGER coverage_people_secure_update AFTER UPDATE OF secure_areas ON staff_coverage
BEGIN
  UPDATE coverage_people SET secure_areas = NEW.secure_areas
  WHERE setting_id = (SELECT s.setting_id FROM staff s WHERE s.id = NEW.staff_id) AND staff_id = NEW.staff_id;
END;

CREATE TRIGGER coverage_people_secure_delete AFTER DELETE ON staff_coverage
BEGIN
  UPDATE coverage_people SET secure_areas = NULL
  WHERE setting_id = (SELECT s.setting_id FROM staff s WHERE s.id = OLD.staff_id) AND staff_id = OLD.staff_id;
END;

CREATE TRIGGER coverage_people_progress_insert AFTER INSERT ON progress WHEN NEW.status = 'completed'
BEGIN
  UPDATE coverage_people
  SET done = coalesce((SELECT group_concat(p.module_id, ',') FROM progress p WHERE p.staff_id = NEW.staff_id AND p.status = 'completed'), '')
  WHERE setting_id = (SELECT s.setting_id FROM staff s WHERE s.id = NEW.staff_id) AND staff_id = NEW.staff_id;
END;

CREATE TRIGGER coverage_people_progress_update AFTER UPDATE ON progress
BEGIN
  UPDATE coverage_people
  SET done = coalesce((SELECT group_concat(p.module_id, ',') FROM progress p WHERE p.staff_id = NEW.staff_id AND p.status = 'completed'), '')
  WHERE setting_id = (SELECT s.setting_id FROM staff s WHERE s.id = NEW.staff_id) AND staff_id = NEW.staff_id;
END;

CREATE TRIGGER coverage_people_progress_delete AFTER DELETE ON progress WHEN OLD.status = 'completed'
BEGIN
  UPDATE coverage_people
  SET done = coalesce((SELECT group_concat(p.module_id, ',') FROM progress p WHERE p.staff_id = OLD.staff_id AND p.status = 'completed'), '')
  WHERE setting_id = (SELECT s.setting_id FROM staff s WHERE s.id = OLD.staff_id) AND staff_id = OLD.staff_id;
END;

-- Backfill: everyone on the staff lists, as coverage read them before.
INSERT INTO coverage_people (setting_id, staff_id, job_role, phase, secure_areas, done)
SELECT s.setting_id, s.id, s.job_role, s.phase, c.secure_areas,
  coalesce((SELECT group_concat(p.module_id, ',') FROM progress p WHERE p.staff_id = s.id AND p.status = 'completed'), '')
FROM staff s LEFT JOIN staff_coverage c ON c.staff_id = s.id;
