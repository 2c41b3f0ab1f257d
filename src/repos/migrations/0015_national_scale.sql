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
