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
