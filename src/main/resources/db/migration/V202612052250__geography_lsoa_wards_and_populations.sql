-- Current boundaries (issue 13, item 11): the 2024 wards are super-generalised, so a point is given the ward of the
-- LSOA it falls in, as the ONS best-fit lookup assigns it; LSOAs carry their population, wards and MSOAs the sum of
-- their LSOAs'; the dataset says which deprivation index its ranks come from. Filled by the loader at start-up.

ALTER TABLE geography.area ADD COLUMN ward_code TEXT;       -- LSOAs: the best-fit ward
ALTER TABLE geography.dataset ADD COLUMN deprivation_edition TEXT NOT NULL DEFAULT '';
