-- Schema version 4: an import batch keeps its rejected rows as the CSV to fix and import again, so Earlier
-- imports can hand it out after the wizard is closed. NULL when the batch rejected nothing (and for batches
-- imported before version 4, whose rows were not kept).
ALTER TABLE import_batch ADD COLUMN rejected_csv TEXT;
