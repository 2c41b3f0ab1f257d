-- A pathway's request repeated its assessment's answers (about 950 bytes a person). A request whose answers are the
-- assessment's list, item for item, now stores `"responses":0` in their place and its readers put the assessment's
-- list back (src/repos/pathways.ts); new pathways are written so. This stores existing rows the same way, where the
-- stored answers (a list, or the compact item → value object) are exactly the assessment's list; others keep theirs.
UPDATE pathways SET request = json_set(request, '$.responses', 0)
WHERE assessment_id IS NOT NULL
  AND json_valid(request)
  AND (SELECT json_extract(a.answers, '$.responses') FROM assessments a WHERE a.id = pathways.assessment_id) =
    CASE json_type(request, '$.responses')
      WHEN 'array' THEN json_extract(request, '$.responses')
      WHEN 'object' THEN (SELECT json_group_array(json_object('itemId', e.key, 'value', e.value)) FROM json_each(pathways.request, '$.responses') AS e)
    END;

-- The people of a trust who completed any module, grouped by role, phase and completed modules (the same grouping
-- GET /v1/orgs/{id}/coverage asks for), kept per trust by triggers: a 50,000-staff trust's coverage reads a few
-- thousand groups instead of sorting some 20,000 people. `group_id` is the setting's trust, or the setting itself
-- when it has none. Triggers on coverage_people (and on a setting moving trust) keep it exact in the same statement as
-- every write; a group whose count falls to 0 is removed.
CREATE TABLE coverage_done (
  group_id TEXT NOT NULL,
  job_role TEXT NOT NULL,
  phase TEXT NOT NULL,
  done TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (group_id, job_role, phase, done)
) WITHOUT ROWID;

INSERT INTO coverage_done (group_id, job_role, phase, done, n)
SELECT coalesce(o.parent_id, c.setting_id), c.job_role, c.phase, c.done, count(*)
FROM coverage_people c LEFT JOIN orgs o ON o.id = c.setting_id
WHERE c.done <> ''
GROUP BY 1, 2, 3, 4;

CREATE TRIGGER coverage_done_insert AFTER INSERT ON coverage_people WHEN NEW.done <> ''
BEGIN
  INSERT INTO coverage_done (group_id, job_role, phase, done, n)
  VALUES (coalesce((SELECT o.parent_id FROM orgs o WHERE o.id = NEW.setting_id), NEW.setting_id), NEW.job_role, NEW.phase, NEW.done, 1)
  ON CONFLICT (group_id, job_role, phase, done) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER coverage_done_delete AFTER DELETE ON coverage_people WHEN OLD.done <> ''
BEGIN
  UPDATE coverage_done SET n = n - 1
  WHERE group_id = coalesce((SELECT o.parent_id FROM orgs o WHERE o.id = OLD.setting_id), OLD.setting_id)
    AND job_role = OLD.job_role AND phase = OLD.phase AND done = OLD.done;
  DELETE FROM coverage_done
  WHERE group_id = coalesce((SELECT o.parent_id FROM orgs o WHERE o.id = OLD.setting_id), OLD.setting_id)
    AND job_role = OLD.job_role AND phase = OLD.phase AND done = OLD.done AND n <= 0;
END;

CREATE TRIGGER coverage_done_update_old AFTER UPDATE OF setting_id, job_role, phase, done ON coverage_people WHEN OLD.done <> ''
BEGIN
  UPDATE coverage_done SET n = n - 1
  WHERE group_id = coalesce((SELECT o.parent_id FROM orgs o WHERE o.id = OLD.setting_id), OLD.setting_id)
    AND job_role = OLD.job_role AND phase = OLD.phase AND done = OLD.done;
  DELETE FROM coverage_done
  WHERE group_id = coalesce((SELECT o.parent_id FROM orgs o WHERE o.id = OLD.setting_id), OLD.setting_id)
    AND job_role = OLD.job_role AND phase = OLD.phase AND done = OLD.done AND n <= 0;
END;

CREATE TRIGGER coverage_done_update_new AFTER UPDATE OF setting_id, job_role, phase, done ON coverage_people WHEN NEW.done <> ''
BEGIN
  INSERT INTO coverage_done (group_id, job_role, phase, done, n)
  VALUES (coalesce((SELECT o.parent_id FROM orgs o WHERE o.id = NEW.setting_id), NEW.setting_id), NEW.job_role, NEW.phase, NEW.done, 1)
  ON CONFLICT (group_id, job_role, phase, done) DO UPDATE SET n = n + 1;
END;

-- A setting joining, leaving or changing trust takes its people's groups with it.
CREATE TRIGGER coverage_done_org_move AFTER UPDATE OF parent_id ON orgs
WHEN coalesce(OLD.parent_id, '') <> coalesce(NEW.parent_id, '')
BEGIN
  UPDATE coverage_done SET n = n - (
    SELECT count(*) FROM coverage_people c
    WHERE c.setting_id = OLD.id AND c.job_role = coverage_done.job_role AND c.phase = coverage_done.phase AND c.done = coverage_done.done)
  WHERE group_id = coalesce(OLD.parent_id, OLD.id);
  DELETE FROM coverage_done WHERE group_id = coalesce(OLD.parent_id, OLD.id) AND n <= 0;
  INSERT INTO coverage_done (group_id, job_role, phase, done, n)
  SELECT coalesce(NEW.parent_id, NEW.id), c.job_role, c.phase, c.done, count(*) FROM coverage_people c
  WHERE c.setting_id = NEW.id AND c.done <> '' GROUP BY 1, 2, 3, 4
  ON CONFLICT (group_id, job_role, phase, done) DO UPDATE SET n = n + excluded.n;
END;

-- A trust's counters (coverage_counts added up over its settings, per role and phase), kept by triggers on
-- coverage_counts and on a setting moving trust: a 50,000-staff trust's secure shares read about 15 rows instead of
-- adding up some 3,000. `group_id` as in coverage_done.
CREATE TABLE coverage_group_counts (
  group_id TEXT NOT NULL,
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
  PRIMARY KEY (group_id, job_role, phase)
) WITHOUT ROWID;

INSERT INTO coverage_group_counts (group_id, job_role, phase, n, assessed, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13, s14, s15, s16, s17)
SELECT coalesce(o.parent_id, c.setting_id), c.job_role, c.phase, sum(c.n), sum(c.assessed), sum(c.s0), sum(c.s1), sum(c.s2), sum(c.s3), sum(c.s4), sum(c.s5), sum(c.s6), sum(c.s7), sum(c.s8), sum(c.s9), sum(c.s10), sum(c.s11), sum(c.s12), sum(c.s13), sum(c.s14), sum(c.s15), sum(c.s16), sum(c.s17)
FROM coverage_counts c LEFT JOIN orgs o ON o.id = c.setting_id GROUP BY 1, 2, 3;

CREATE TRIGGER coverage_group_counts_insert AFTER INSERT ON coverage_counts
BEGIN
  INSERT INTO coverage_group_counts (group_id, job_role, phase) VALUES (coalesce((SELECT o.parent_id FROM orgs o WHERE o.id = NEW.setting_id), NEW.setting_id), NEW.job_role, NEW.phase) ON CONFLICT DO NOTHING;
  UPDATE coverage_group_counts SET
    n = n + NEW.n,
    assessed = assessed + NEW.assessed,
    s0 = s0 + NEW.s0,
    s1 = s1 + NEW.s1,
    s2 = s2 + NEW.s2,
    s3 = s3 + NEW.s3,
    s4 = s4 + NEW.s4,
    s5 = s5 + NEW.s5,
    s6 = s6 + NEW.s6,
    s7 = s7 + NEW.s7,
    s8 = s8 + NEW.s8,
    s9 = s9 + NEW.s9,
    s10 = s10 + NEW.s10,
    s11 = s11 + NEW.s11,
    s12 = s12 + NEW.s12,
    s13 = s13 + NEW.s13,
    s14 = s14 + NEW.s14,
    s15 = s15 + NEW.s15,
    s16 = s16 + NEW.s16,
    s17 = s17 + NEW.s17
  WHERE group_id = coalesce((SELECT o.parent_id FROM orgs o WHERE o.id = NEW.setting_id), NEW.setting_id) AND job_role = NEW.job_role AND phase = NEW.phase;
END;

CREATE TRIGGER coverage_group_counts_update AFTER UPDATE ON coverage_counts
BEGIN
  UPDATE coverage_group_counts SET
    n = n - OLD.n,
    assessed = assessed - OLD.assessed,
    s0 = s0 - OLD.s0,
    s1 = s1 - OLD.s1,
    s2 = s2 - OLD.s2,
    s3 = s3 - OLD.s3,
    s4 = s4 - OLD.s4,
    s5 = s5 - OLD.s5,
    s6 = s6 - OLD.s6,
    s7 = s7 - OLD.s7,
    s8 = s8 - OLD.s8,
    s9 = s9 - OLD.s9,
    s10 = s10 - OLD.s10,
    s11 = s11 - OLD.s11,
    s12 = s12 - OLD.s12,
    s13 = s13 - OLD.s13,
    s14 = s14 - OLD.s14,
    s15 = s15 - OLD.s15,
    s16 = s16 - OLD.s16,
    s17 = s17 - OLD.s17
  WHERE group_id = coalesce((SELECT o.parent_id FROM orgs o WHERE o.id = OLD.setting_id), OLD.setting_id) AND job_role = OLD.job_role AND phase = OLD.phase;
  INSERT INTO coverage_group_counts (group_id, job_role, phase) VALUES (coalesce((SELECT o.parent_id FROM orgs o WHERE o.id = NEW.setting_id), NEW.setting_id), NEW.job_role, NEW.phase) ON CONFLICT DO NOTHING;
  UPDATE coverage_group_counts SET
    n = n + NEW.n,
    assessed = assessed + NEW.assessed,
    s0 = s0 + NEW.s0,
    s1 = s1 + NEW.s1,
    s2 = s2 + NEW.s2,
    s3 = s3 + NEW.s3,
    s4 = s4 + NEW.s4,
    s5 = s5 + NEW.s5,
    s6 = s6 + NEW.s6,
    s7 = s7 + NEW.s7,
    s8 = s8 + NEW.s8,
    s9 = s9 + NEW.s9,
    s10 = s10 + NEW.s10,
    s11 = s11 + NEW.s11,
    s12 = s12 + NEW.s12,
    s13 = s13 + NEW.s13,
    s14 = s14 + NEW.s14,
    s15 = s15 + NEW.s15,
    s16 = s16 + NEW.s16,
    s17 = s17 + NEW.s17
  WHERE group_id = coalesce((SELECT o.parent_id FROM orgs o WHERE o.id = NEW.setting_id), NEW.setting_id) AND job_role = NEW.job_role AND phase = NEW.phase;
END;

CREATE TRIGGER coverage_group_counts_delete AFTER DELETE ON coverage_counts
BEGIN
  UPDATE coverage_group_counts SET
    n = n - OLD.n,
    assessed = assessed - OLD.assessed,
    s0 = s0 - OLD.s0,
    s1 = s1 - OLD.s1,
    s2 = s2 - OLD.s2,
    s3 = s3 - OLD.s3,
    s4 = s4 - OLD.s4,
    s5 = s5 - OLD.s5,
    s6 = s6 - OLD.s6,
    s7 = s7 - OLD.s7,
    s8 = s8 - OLD.s8,
    s9 = s9 - OLD.s9,
    s10 = s10 - OLD.s10,
    s11 = s11 - OLD.s11,
    s12 = s12 - OLD.s12,
    s13 = s13 - OLD.s13,
    s14 = s14 - OLD.s14,
    s15 = s15 - OLD.s15,
    s16 = s16 - OLD.s16,
    s17 = s17 - OLD.s17
  WHERE group_id = coalesce((SELECT o.parent_id FROM orgs o WHERE o.id = OLD.setting_id), OLD.setting_id) AND job_role = OLD.job_role AND phase = OLD.phase;
END;

-- A setting joining, leaving or changing trust takes its counters with it.
CREATE TRIGGER coverage_group_counts_org_move AFTER UPDATE OF parent_id ON orgs
WHEN coalesce(OLD.parent_id, '') <> coalesce(NEW.parent_id, '')
BEGIN
  UPDATE coverage_group_counts SET
    n = n - coalesce((SELECT c.n FROM coverage_counts c WHERE c.setting_id = OLD.id AND c.job_role = coverage_group_counts.job_role AND c.phase = coverage_group_counts.phase), 0),
    assessed = assessed - coalesce((SELECT c.assessed FROM coverage_counts c WHERE c.setting_id = OLD.id AND c.job_role = coverage_group_counts.job_role AND c.phase = coverage_group_counts.phase), 0),
    s0 = s0 - coalesce((SELECT c.s0 FROM coverage_counts c WHERE c.setting_id = OLD.id AND c.job_role = coverage_group_counts.job_role AND c.phase = coverage_group_counts.phase), 0),
    s1 = s1 - coalesce((SELECT c.s1 FROM coverage_counts c WHERE c.setting_id = OLD.id AND c.job_role = coverage_group_counts.job_role AND c.phase = coverage_group_counts.phase), 0),
    s2 = s2 - coalesce((SELECT c.s2 FROM coverage_counts c WHERE c.setting_id = OLD.id AND c.job_role = coverage_group_counts.job_role AND c.phase = coverage_group_counts.phase), 0),
    s3 = s3 - coalesce((SELECT c.s3 FROM coverage_counts c WHERE c.setting_id = OLD.id AND c.job_role = coverage_group_counts.job_role AND c.phase = coverage_group_counts.phase), 0),
    s4 = s4 - coalesce((SELECT c.s4 FROM coverage_counts c WHERE c.setting_id = OLD.id AND c.job_role = coverage_group_counts.job_role AND c.phase = coverage_group_counts.phase), 0),
    s5 = s5 - coalesce((SELECT c.s5 FROM coverage_counts c WHERE c.setting_id = OLD.id AND c.job_role = coverage_group_counts.job_role AND c.phase = coverage_group_counts.phase), 0),
    s6 = s6 - coalesce((SELECT c.s6 FROM coverage_counts c WHERE c.setting_id = OLD.id AND c.job_role = coverage_group_counts.job_role AND c.phase = coverage_group_counts.phase), 0),
    s7 = s7 - coalesce((SELECT c.s7 FROM coverage_counts c WHERE c.setting_id = OLD.id AND c.job_role = coverage_group_counts.job_role AND c.phase = coverage_group_counts.phase), 0),
    s8 = s8 - coalesce((SELECT c.s8 FROM coverage_counts c WHERE c.setting_id = OLD.id AND c.job_role = coverage_group_counts.job_role AND c.phase = coverage_group_counts.phase), 0),
    s9 = s9 - coalesce((SELECT c.s9 FROM coverage_counts c WHERE c.setting_id = OLD.id AND c.job_role = coverage_group_counts.job_role AND c.phase = coverage_group_counts.phase), 0),
    s10 = s10 - coalesce((SELECT c.s10 FROM coverage_counts c WHERE c.setting_id = OLD.id AND c.job_role = coverage_group_counts.job_role AND c.phase = coverage_group_counts.phase), 0),
    s11 = s11 - coalesce((SELECT c.s11 FROM coverage_counts c WHERE c.setting_id = OLD.id AND c.job_role = coverage_group_counts.job_role AND c.phase = coverage_group_counts.phase), 0),
    s12 = s12 - coalesce((SELECT c.s12 FROM coverage_counts c WHERE c.setting_id = OLD.id AND c.job_role = coverage_group_counts.job_role AND c.phase = coverage_group_counts.phase), 0),
    s13 = s13 - coalesce((SELECT c.s13 FROM coverage_counts c WHERE c.setting_id = OLD.id AND c.job_role = coverage_group_counts.job_role AND c.phase = coverage_group_counts.phase), 0),
    s14 = s14 - coalesce((SELECT c.s14 FROM coverage_counts c WHERE c.setting_id = OLD.id AND c.job_role = coverage_group_counts.job_role AND c.phase = coverage_group_counts.phase), 0),
    s15 = s15 - coalesce((SELECT c.s15 FROM coverage_counts c WHERE c.setting_id = OLD.id AND c.job_role = coverage_group_counts.job_role AND c.phase = coverage_group_counts.phase), 0),
    s16 = s16 - coalesce((SELECT c.s16 FROM coverage_counts c WHERE c.setting_id = OLD.id AND c.job_role = coverage_group_counts.job_role AND c.phase = coverage_group_counts.phase), 0),
    s17 = s17 - coalesce((SELECT c.s17 FROM coverage_counts c WHERE c.setting_id = OLD.id AND c.job_role = coverage_group_counts.job_role AND c.phase = coverage_group_counts.phase), 0)
  WHERE group_id = coalesce(OLD.parent_id, OLD.id);
  INSERT INTO coverage_group_counts (group_id, job_role, phase, n, assessed, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13, s14, s15, s16, s17)
  SELECT coalesce(NEW.parent_id, NEW.id), c.job_role, c.phase, c.n, c.assessed, c.s0, c.s1, c.s2, c.s3, c.s4, c.s5, c.s6, c.s7, c.s8, c.s9, c.s10, c.s11, c.s12, c.s13, c.s14, c.s15, c.s16, c.s17 FROM coverage_counts c WHERE c.setting_id = NEW.id
  ON CONFLICT (group_id, job_role, phase) DO UPDATE SET
    n = n + excluded.n,
    assessed = assessed + excluded.assessed,
    s0 = s0 + excluded.s0,
    s1 = s1 + excluded.s1,
    s2 = s2 + excluded.s2,
    s3 = s3 + excluded.s3,
    s4 = s4 + excluded.s4,
    s5 = s5 + excluded.s5,
    s6 = s6 + excluded.s6,
    s7 = s7 + excluded.s7,
    s8 = s8 + excluded.s8,
    s9 = s9 + excluded.s9,
    s10 = s10 + excluded.s10,
    s11 = s11 + excluded.s11,
    s12 = s12 + excluded.s12,
    s13 = s13 + excluded.s13,
    s14 = s14 + excluded.s14,
    s15 = s15 + excluded.s15,
    s16 = s16 + excluded.s16,
    s17 = s17 + excluded.s17;
END;
