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

-- Each setting's people per role and phase, how many are assessed and how many secure in each numbered area (s0 for
-- bit 0 ... s17 for bit 17), kept by triggers on coverage_people: a trust's coverage adds up a few rows per setting
-- instead of a term per person and area.
CREATE TABLE coverage_counts (
  setting_id TEXT NOT NULL,
  job_role TEXT NOT NULL,
  phase TEXT NOT NULL,
  n INTEGER NOT NULL DEFAULT 0,
  assessed INTEGER NOT NULL DEFAULT 0,
  s0 INTEGER NOT NULL DEFAULT 0,
  s1 INTEGER NOT NULL DEFAULT 0,
  s2 INTEGER NOT NULL DEFAULT 0,
  s3 INTEGER NOT NULL DEFAULT 0,
  s4 INTEGER NOT NULL DEFAULT 0,
  s5 INTEGER NOT NULL DEFAULT 0,
  s6 INTEGER NOT NULL DEFAULT 0,
  s7 INTEGER NOT NULL DEFAULT 0,
  s8 INTEGER NOT NULL DEFAULT 0,
  s9 INTEGER NOT NULL DEFAULT 0,
  s10 INTEGER NOT NULL DEFAULT 0,
  s11 INTEGER NOT NULL DEFAULT 0,
  s12 INTEGER NOT NULL DEFAULT 0,
  s13 INTEGER NOT NULL DEFAULT 0,
  s14 INTEGER NOT NULL DEFAULT 0,
  s15 INTEGER NOT NULL DEFAULT 0,
  s16 INTEGER NOT NULL DEFAULT 0,
  s17 INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (setting_id, job_role, phase)
) WITHOUT ROWID;

INSERT INTO coverage_counts (setting_id, job_role, phase, n, assessed, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13, s14, s15, s16, s17)
SELECT setting_id, job_role, phase, count(*), count(secure_bits),
  coalesce(sum((secure_bits >> 0) & 1), 0), coalesce(sum((secure_bits >> 1) & 1), 0), coalesce(sum((secure_bits >> 2) & 1), 0), coalesce(sum((secure_bits >> 3) & 1), 0),
  coalesce(sum((secure_bits >> 4) & 1), 0), coalesce(sum((secure_bits >> 5) & 1), 0), coalesce(sum((secure_bits >> 6) & 1), 0), coalesce(sum((secure_bits >> 7) & 1), 0),
  coalesce(sum((secure_bits >> 8) & 1), 0), coalesce(sum((secure_bits >> 9) & 1), 0), coalesce(sum((secure_bits >> 10) & 1), 0), coalesce(sum((secure_bits >> 11) & 1), 0),
  coalesce(sum((secure_bits >> 12) & 1), 0), coalesce(sum((secure_bits >> 13) & 1), 0), coalesce(sum((secure_bits >> 14) & 1), 0), coalesce(sum((secure_bits >> 15) & 1), 0),
  coalesce(sum((secure_bits >> 16) & 1), 0), coalesce(sum((secure_bits >> 17) & 1), 0)
FROM coverage_people GROUP BY setting_id, job_role, phase;

CREATE TRIGGER coverage_counts_insert AFTER INSERT ON coverage_people
BEGIN
  INSERT INTO coverage_counts (setting_id, job_role, phase) VALUES (NEW.setting_id, NEW.job_role, NEW.phase) ON CONFLICT DO NOTHING;
  UPDATE coverage_counts SET
    n = n + 1, assessed = assessed + (NEW.secure_bits IS NOT NULL),
    s0 = s0 + coalesce((NEW.secure_bits >> 0) & 1, 0), s1 = s1 + coalesce((NEW.secure_bits >> 1) & 1, 0),
    s2 = s2 + coalesce((NEW.secure_bits >> 2) & 1, 0), s3 = s3 + coalesce((NEW.secure_bits >> 3) & 1, 0),
    s4 = s4 + coalesce((NEW.secure_bits >> 4) & 1, 0), s5 = s5 + coalesce((NEW.secure_bits >> 5) & 1, 0),
    s6 = s6 + coalesce((NEW.secure_bits >> 6) & 1, 0), s7 = s7 + coalesce((NEW.secure_bits >> 7) & 1, 0),
    s8 = s8 + coalesce((NEW.secure_bits >> 8) & 1, 0), s9 = s9 + coalesce((NEW.secure_bits >> 9) & 1, 0),
    s10 = s10 + coalesce((NEW.secure_bits >> 10) & 1, 0),
    s11 = s11 + coalesce((NEW.secure_bits >> 11) & 1, 0),
    s12 = s12 + coalesce((NEW.secure_bits >> 12) & 1, 0),
    s13 = s13 + coalesce((NEW.secure_bits >> 13) & 1, 0),
    s14 = s14 + coalesce((NEW.secure_bits >> 14) & 1, 0),
    s15 = s15 + coalesce((NEW.secure_bits >> 15) & 1, 0),
    s16 = s16 + coalesce((NEW.secure_bits >> 16) & 1, 0),
    s17 = s17 + coalesce((NEW.secure_bits >> 17) & 1, 0)
  WHERE setting_id = NEW.setting_id AND job_role = NEW.job_role AND phase = NEW.phase;
END;

CREATE TRIGGER coverage_counts_delete AFTER DELETE ON coverage_people
BEGIN
  INSERT INTO coverage_counts (setting_id, job_role, phase) VALUES (OLD.setting_id, OLD.job_role, OLD.phase) ON CONFLICT DO NOTHING;
  UPDATE coverage_counts SET
    n = n - 1, assessed = assessed - (OLD.secure_bits IS NOT NULL),
    s0 = s0 - coalesce((OLD.secure_bits >> 0) & 1, 0), s1 = s1 - coalesce((OLD.secure_bits >> 1) & 1, 0),
    s2 = s2 - coalesce((OLD.secure_bits >> 2) & 1, 0), s3 = s3 - coalesce((OLD.secure_bits >> 3) & 1, 0),
    s4 = s4 - coalesce((OLD.secure_bits >> 4) & 1, 0), s5 = s5 - coalesce((OLD.secure_bits >> 5) & 1, 0),
    s6 = s6 - coalesce((OLD.secure_bits >> 6) & 1, 0), s7 = s7 - coalesce((OLD.secure_bits >> 7) & 1, 0),
    s8 = s8 - coalesce((OLD.secure_bits >> 8) & 1, 0), s9 = s9 - coalesce((OLD.secure_bits >> 9) & 1, 0),
    s10 = s10 - coalesce((OLD.secure_bits >> 10) & 1, 0),
    s11 = s11 - coalesce((OLD.secure_bits >> 11) & 1, 0),
    s12 = s12 - coalesce((OLD.secure_bits >> 12) & 1, 0),
    s13 = s13 - coalesce((OLD.secure_bits >> 13) & 1, 0),
    s14 = s14 - coalesce((OLD.secure_bits >> 14) & 1, 0),
    s15 = s15 - coalesce((OLD.secure_bits >> 15) & 1, 0),
    s16 = s16 - coalesce((OLD.secure_bits >> 16) & 1, 0),
    s17 = s17 - coalesce((OLD.secure_bits >> 17) & 1, 0)
  WHERE setting_id = OLD.setting_id AND job_role = OLD.job_role AND phase = OLD.phase;
END;

CREATE TRIGGER coverage_counts_update AFTER UPDATE OF setting_id, job_role, phase, secure_bits ON coverage_people
BEGIN
  INSERT INTO coverage_counts (setting_id, job_role, phase) VALUES (OLD.setting_id, OLD.job_role, OLD.phase) ON CONFLICT DO NOTHING;
  UPDATE coverage_counts SET
    n = n - 1, assessed = assessed - (OLD.secure_bits IS NOT NULL),
    s0 = s0 - coalesce((OLD.secure_bits >> 0) & 1, 0), s1 = s1 - coalesce((OLD.secure_bits >> 1) & 1, 0),
    s2 = s2 - coalesce((OLD.secure_bits >> 2) & 1, 0), s3 = s3 - coalesce((OLD.secure_bits >> 3) & 1, 0),
    s4 = s4 - coalesce((OLD.secure_bits >> 4) & 1, 0), s5 = s5 - coalesce((OLD.secure_bits >> 5) & 1, 0),
    s6 = s6 - coalesce((OLD.secure_bits >> 6) & 1, 0), s7 = s7 - coalesce((OLD.secure_bits >> 7) & 1, 0),
    s8 = s8 - coalesce((OLD.secure_bits >> 8) & 1, 0), s9 = s9 - coalesce((OLD.secure_bits >> 9) & 1, 0),
    s10 = s10 - coalesce((OLD.secure_bits >> 10) & 1, 0),
    s11 = s11 - coalesce((OLD.secure_bits >> 11) & 1, 0),
    s12 = s12 - coalesce((OLD.secure_bits >> 12) & 1, 0),
    s13 = s13 - coalesce((OLD.secure_bits >> 13) & 1, 0),
    s14 = s14 - coalesce((OLD.secure_bits >> 14) & 1, 0),
    s15 = s15 - coalesce((OLD.secure_bits >> 15) & 1, 0),
    s16 = s16 - coalesce((OLD.secure_bits >> 16) & 1, 0),
    s17 = s17 - coalesce((OLD.secure_bits >> 17) & 1, 0)
  WHERE setting_id = OLD.setting_id AND job_role = OLD.job_role AND phase = OLD.phase;
  INSERT INTO coverage_counts (setting_id, job_role, phase) VALUES (NEW.setting_id, NEW.job_role, NEW.phase) ON CONFLICT DO NOTHING;
  UPDATE coverage_counts SET
    n = n + 1, assessed = assessed + (NEW.secure_bits IS NOT NULL),
    s0 = s0 + coalesce((NEW.secure_bits >> 0) & 1, 0), s1 = s1 + coalesce((NEW.secure_bits >> 1) & 1, 0),
    s2 = s2 + coalesce((NEW.secure_bits >> 2) & 1, 0), s3 = s3 + coalesce((NEW.secure_bits >> 3) & 1, 0),
    s4 = s4 + coalesce((NEW.secure_bits >> 4) & 1, 0), s5 = s5 + coalesce((NEW.secure_bits >> 5) & 1, 0),
    s6 = s6 + coalesce((NEW.secure_bits >> 6) & 1, 0), s7 = s7 + coalesce((NEW.secure_bits >> 7) & 1, 0),
    s8 = s8 + coalesce((NEW.secure_bits >> 8) & 1, 0), s9 = s9 + coalesce((NEW.secure_bits >> 9) & 1, 0),
    s10 = s10 + coalesce((NEW.secure_bits >> 10) & 1, 0),
    s11 = s11 + coalesce((NEW.secure_bits >> 11) & 1, 0),
    s12 = s12 + coalesce((NEW.secure_bits >> 12) & 1, 0),
    s13 = s13 + coalesce((NEW.secure_bits >> 13) & 1, 0),
    s14 = s14 + coalesce((NEW.secure_bits >> 14) & 1, 0),
    s15 = s15 + coalesce((NEW.secure_bits >> 15) & 1, 0),
    s16 = s16 + coalesce((NEW.secure_bits >> 16) & 1, 0),
    s17 = s17 + coalesce((NEW.secure_bits >> 17) & 1, 0)
  WHERE setting_id = NEW.setting_id AND job_role = NEW.job_role AND phase = NEW.phase;
END;
