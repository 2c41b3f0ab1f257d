-- xAPI voiding (Data part 2.3.2): a voided statement keeps its row and is marked with the id of the statement that
-- voided it; lists and statementId reads skip it, voidedStatementId reads it.
ALTER TABLE xapi_statements ADD COLUMN voided_by TEXT;
