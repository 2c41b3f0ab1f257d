-- Stored pathways keep their inputs, not their explained response. A new pathway row stores the engine request, the
-- engine's profile when it is more than the request (a check-in), the input-hash extra, its set, algorithm and
-- catalogue versions, and the compact plan (module ids in step order, total minutes); `response` is then '' and the
-- full response is re-derived on read (the engine is deterministic, so re-deriving gives the same bytes). Rows
-- written before this keep their stored response. This cuts a pathway from about 13 KB to under 2 KB.
ALTER TABLE pathways ADD COLUMN derivation TEXT;
ALTER TABLE pathways ADD COLUMN module_ids TEXT;
ALTER TABLE pathways ADD COLUMN total_minutes INTEGER;
-- The response's exploration report (JSON) when the set explores, for the learning report; NULL otherwise.
ALTER TABLE pathways ADD COLUMN exploration TEXT;

-- Coverage reads one narrow row per person, written in the same atomic write as their latest pathway: the areas
-- where the confidence coverage counts (the person's own latest rating where they gave one, else the estimate) is
-- secure, at or above 0.75 (a 4 on the 1..5 scale), comma-separated. That is all a coverage count reads.
CREATE TABLE staff_coverage (
  staff_id TEXT PRIMARY KEY REFERENCES staff (id) ON DELETE CASCADE,
  pathway_id TEXT NOT NULL,
  secure_areas TEXT NOT NULL
) WITHOUT ROWID;

-- Backfill from each person's latest stored response.
INSERT INTO staff_coverage (staff_id, pathway_id, secure_areas)
SELECT p.staff_id, p.id,
  coalesce((SELECT group_concat(j.key, ',') FROM json_each(p.response, '$.profile') AS j
    WHERE coalesce(json_extract(j.value, '$.selfReport'), json_extract(j.value, '$.confidence')) >= 0.75), '')
FROM pathways p
WHERE p.response <> '' AND p.id = (SELECT max(q.id) FROM pathways q WHERE q.staff_id = p.staff_id);

-- The compact plan of existing rows, for readers that need only the module order.
UPDATE pathways SET
  module_ids = coalesce((SELECT group_concat(json_extract(s.value, '$.moduleId'), ',') FROM json_each(pathways.response, '$.pathway.steps') AS s), ''),
  total_minutes = json_extract(response, '$.pathway.totalMinutes'),
  exploration = json_extract(response, '$.exploration')
WHERE response <> '' AND module_ids IS NULL;
