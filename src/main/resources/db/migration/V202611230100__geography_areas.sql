-- Geography: the region's areas (local authorities, wards, MSOAs, LSOAs) with ONS codes, populations and
-- deprivation, and local authority populations by year. Filled at start-up from the bundled dataset
-- (harmwatch.geography.source); nothing else writes here.

CREATE SCHEMA IF NOT EXISTS geography;

-- Which dataset the tables hold: the loader replaces the areas only when the bundled files change.
CREATE TABLE geography.dataset (
  id           TEXT PRIMARY KEY,
  region       TEXT NOT NULL,
  attribution  TEXT NOT NULL,
  checksum     TEXT NOT NULL,
  loaded_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE geography.area (
  code             TEXT PRIMARY KEY,
  level            TEXT NOT NULL CHECK (level IN ('LAD', 'WARD', 'MSOA', 'LSOA')),
  name             TEXT NOT NULL,
  lad_code         TEXT NOT NULL,
  msoa_code        TEXT,                 -- LSOAs: the MSOA they nest in
  vintage          TEXT NOT NULL,        -- boundary edition, e.g. 2011 or 2013
  population       INTEGER,              -- LADs: all ages, latest year known
  population_year  INTEGER,
  imd_rank         INTEGER,              -- LSOAs: 1 = most deprived in England
  imd_decile       SMALLINT CHECK (imd_decile BETWEEN 1 AND 10),
  centroid_lat     DOUBLE PRECISION NOT NULL,
  centroid_lon     DOUBLE PRECISION NOT NULL,
  area_km2         DOUBLE PRECISION NOT NULL,
  geometry         BYTEA NOT NULL        -- WKB, WGS84 longitude/latitude (EPSG:4326)
);

CREATE INDEX area_by_level_and_lad ON geography.area (level, lad_code);

-- Mid-year population estimates of each local authority: all ages, and by single year of age where published
-- (by_age[1] is age 0; the last element is the open top age band, e.g. 90+). NULL elements are ages the source
-- leaves out; then all_ages is the source's figure without them and complete is false.
CREATE TABLE geography.lad_population (
  lad_code   TEXT NOT NULL,
  year       INTEGER NOT NULL,
  all_ages   INTEGER NOT NULL,
  complete   BOOLEAN NOT NULL,
  by_age     INTEGER[],
  PRIMARY KEY (lad_code, year)
);
