-- Finer statistics for the inbox's word search (case_search_terms.term).
--
-- The words of names and e-mail addresses are millions of rows with a long tail: with the default
-- statistics target (100) a rare family name's prefix range fell inside one histogram bucket and was
-- estimated at a single row, so for a search of several words PostgreSQL started from the wrong word
-- and probed every case of a common one (benchmark B3 at a million cases: "Thi Lan Nguyen" read 7,100
-- buffers, "Anna O'Brien" 6,900; with 1,000 they read 320 and 340). ANALYZE samples more rows for it.
ALTER TABLE case_search_terms ALTER COLUMN term SET STATISTICS 1000;
