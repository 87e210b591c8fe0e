-- "Ends with" and masks with a fixed tail (495*1**000) read numbers_search_rev. It held only (state, national_rev),
-- so every candidate in the suffix range cost a heap fetch to check category, region and mask: 1,000 candidates,
-- 1,008 buffers and 2-24 ms for one page on 1,000,000 numbers (bench/RESULTS.md, the search tail). Carrying the
-- searchable columns, as numbers_search_national does, makes it an index-only scan: 15 buffers.
DROP INDEX numbers_search_rev;
CREATE INDEX numbers_search_rev ON numbers (state, national_rev, category, national, e164, country, number_type, monthly_fee);
