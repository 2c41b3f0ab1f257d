-- Coverage reads one short row per person, stored together per setting: a trust's coverage reads its settings' rows
-- as a few contiguous ranges of one table instead of staff, staff_coverage and progress rows spread over the file.
-- The row holds everything a coverage count reads: the person's setting, role and phase, the areas where they are
-- secure (NULL before a first self-assessment; copied from staff_coverage, written with each pathway) and the modules
-- they completed (comma-separated). Triggers keep it in step with staff, staff_coverage and progress in the same
-- statement as each write, so every write path (imports, edits, check-ins, progress, erasure) keeps it exact.
-- The secure areas are also kept as a bit set (secure_bits: bit n for the area coverage_areas numbers n), so counting
-- 50,000 people per area is integer arithmetic in the database rather than string searches; an area added to the
-- taxonomy later has no bit and is counted from secure_areas instead.
CREATE TABLE coverage_areas (
  area_id TEXT PRIMARY KEY,
  bit INTEGER NOT NULL UNIQUE CHECK (bit BETWEEN 0 AND 62)
) WITHOUT ROWID;
INSERT INTO coverage_areas (area_id, bit) VALUES
  ('slcn', 0), ('asd', 1), ('mld', 2), ('sld', 3), ('pmld', 4), ('spld', 5), ('semh', 6), ('vi', 7), ('hi', 8), ('msi', 9),
  ('pd', 10), ('adaptive-teaching', 11), ('graduated-approach', 12), ('working-with-tas', 13), ('working-with-parents', 14),
  ('assistive-technology', 15), ('early-identification', 16), ('inclusive-culture', 17);

CREATE TABLE coverage_people (
  setting_id TEXT NOT NULL,
  staff_id TEXT NOT NULL,
  job_role TEXT NOT NULL,
  phase TEXT NOT NULL,
  secure_areas TEXT,
  secure_bits INTEGER,
  done TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (setting_id, staff_id)
) WITHOUT ROWID;

CREATE TRIGGER coverage_people_staff_insert AFTER INSERT ON staff
BEGIN
  INSERT INTO coverage_people (setting_id, staff_id, job_role, phase, secure_areas, secure_bits, done)
  VALUES (NEW.setting_id, NEW.id, NEW.job_role, NEW.phase,
    (SELECT c.secure_areas FROM staff_coverage c WHERE c.staff_id = NEW.id),
    (SELECT coalesce((SELECT sum(1 << a.bit) FROM coverage_areas a WHERE instr(',' || c.secure_areas || ',', ',' || a.area_id || ',') > 0), 0)
      FROM staff_coverage c WHERE c.staff_id = NEW.id),
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
  UPDATE coverage_people SET secure_areas = NEW.secure_areas,
    secure_bits = coalesce((SELECT sum(1 << a.bit) FROM coverage_areas a WHERE instr(',' || NEW.secure_areas || ',', ',' || a.area_id || ',') > 0), 0)
  WHERE setting_id = (SELECT s.setting_id FROM staff s WHERE s.id = NEW.staff_id) AND staff_id = NEW.staff_id;
END;

CREATE TRIGGER coverage_people_secure_update AFTER UPDATE OF secure_areas ON staff_coverage
BEGIN
  UPDATE coverage_people SET secure_areas = NEW.secure_areas,
    secure_bits = coalesce((SELECT sum(1 << a.bit) FROM coverage_areas a WHERE instr(',' || NEW.secure_areas || ',', ',' || a.area_id || ',') > 0), 0)
  WHERE setting_id = (SELECT s.setting_id FROM staff s WHERE s.id = NEW.staff_id) AND staff_id = NEW.staff_id;
END;

CREATE TRIGGER coverage_people_secure_delete AFTER DELETE ON staff_coverage
BEGIN
  UPDATE coverage_people SET secure_areas = NULL, secure_bits = NULL
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
UPDATE coverage_people SET
  secure_bits = coalesce((SELECT sum(1 << a.bit) FROM coverage_areas a WHERE instr(',' || coverage_people.secure_areas || ',', ',' || a.area_id || ',') > 0), 0)
WHERE secure_areas IS NOT NULL;
