-- Generated from syria_strikes/metadata.py by `python -m syria_strikes generate`. Do not edit.
CREATE TABLE "actors" (
  "actor_id" TEXT PRIMARY KEY NOT NULL,
  "name" TEXT NOT NULL,
  "kind" TEXT NOT NULL CHECK ("kind" IN ('state', 'armed_forces', 'military_unit', 'armed_group', 'government_body', 'media_outlet', 'ngo', 'person', 'unidentified')),
  "country" TEXT,
  "parent_actor_id" TEXT REFERENCES "actors" ("actor_id"),
  "aliases" TEXT,
  "wikidata_id" TEXT,
  "curator_note" TEXT
);

CREATE TABLE "sources" (
  "source_id" TEXT PRIMARY KEY NOT NULL,
  "title" TEXT NOT NULL,
  "kind" TEXT NOT NULL CHECK ("kind" IN ('archived_article', 'agency_report', 'news_article', 'official_statement', 'ngo_statement', 'photo_caption', 'imagery', 'media_reports', 'reference')),
  "publisher_actor_id" TEXT REFERENCES "actors" ("actor_id"),
  "published_start" TEXT CHECK ("published_start" IS date("published_start")) CHECK ("published_start" >= '1900-01-01'),
  "published_end" TEXT CHECK ("published_end" IS date("published_end")) CHECK ("published_end" >= '1900-01-01'),
  "cites_source_ids" TEXT,
  "seed_path" TEXT,
  "sha256" TEXT,
  "language" TEXT,
  "dateline" TEXT,
  "url" TEXT,
  "curator_note" TEXT
);

CREATE TABLE "events" (
  "event_id" TEXT PRIMARY KEY NOT NULL,
  "category" TEXT NOT NULL CHECK ("category" IN ('strike', 'context')),
  "event_type" TEXT NOT NULL CHECK ("event_type" IN ('air_strike', 'missile_strike', 'air_or_missile_strike', 'rocket_attack', 'targeted_killing', 'state_visit', 'summit')),
  "summary" TEXT NOT NULL,
  "record_kind" TEXT NOT NULL CHECK ("record_kind" IN ('single', 'aggregate')),
  "date_start" TEXT CHECK ("date_start" IS date("date_start")) CHECK ("date_start" >= '1900-01-01'),
  "date_end" TEXT NOT NULL CHECK ("date_end" IS date("date_end")) CHECK ("date_end" >= '1900-01-01'),
  "date_precision" TEXT NOT NULL CHECK ("date_precision" IN ('day', 'range', 'month', 'before')),
  "date_source_id" TEXT NOT NULL REFERENCES "sources" ("source_id"),
  "date_note" TEXT NOT NULL,
  "identification" TEXT NOT NULL CHECK ("identification" IN ('stated_in_seed', 'matched_by_reference', 'assumed')),
  "identification_note" TEXT,
  "place_name" TEXT NOT NULL,
  "place_aliases" TEXT,
  "place_precision" TEXT NOT NULL CHECK ("place_precision" IN ('site', 'town', 'district', 'governorate', 'country', 'region', 'unknown')),
  "country" TEXT,
  "admin1" TEXT,
  "admin2" TEXT,
  "locality" TEXT,
  "latitude" REAL CHECK ("latitude" >= -90) CHECK ("latitude" <= 90),
  "longitude" REAL CHECK ("longitude" >= -180) CHECK ("longitude" <= 180),
  "place_source_id" TEXT NOT NULL REFERENCES "sources" ("source_id"),
  "place_note" TEXT,
  "attribution_status" TEXT NOT NULL CHECK ("attribution_status" IN ('acknowledged', 'alleged', 'unattributed', 'not_applicable')),
  "attributed_actor_id" TEXT REFERENCES "actors" ("actor_id"),
  "attribution_source_id" TEXT REFERENCES "sources" ("source_id"),
  "curator_note" TEXT
);

CREATE TABLE "claims" (
  "claim_id" TEXT PRIMARY KEY NOT NULL,
  "event_id" TEXT NOT NULL REFERENCES "events" ("event_id"),
  "other_event_ids" TEXT,
  "claimant_actor_id" TEXT NOT NULL REFERENCES "actors" ("actor_id"),
  "source_id" TEXT NOT NULL REFERENCES "sources" ("source_id"),
  "relayed_via" TEXT,
  "predicate" TEXT NOT NULL CHECK ("predicate" IN ('occurred', 'attribution', 'target', 'site_occupant', 'weapon', 'launch_platform', 'munitions_fired', 'munitions_intercepted', 'munitions_hit', 'air_defence_engaged', 'air_defence_system', 'air_defence_support', 'fatalities', 'injuries', 'damage', 'motive', 'context', 'statement', 'time', 'place', 'evidence')),
  "stance" TEXT NOT NULL CHECK ("stance" IN ('asserts', 'denies', 'disputes', 'questions', 'no_comment', 'cannot_verify', 'reports')),
  "hedging" TEXT,
  "value" INTEGER CHECK ("value" >= 0),
  "value_low" INTEGER CHECK ("value_low" >= 0),
  "value_high" INTEGER CHECK ("value_high" >= 0),
  "unit" TEXT CHECK ("unit" IN ('munitions', 'persons')),
  "value_actor_id" TEXT REFERENCES "actors" ("actor_id"),
  "value_text" TEXT,
  "value_code" TEXT,
  "victim_status" TEXT CHECK ("victim_status" IN ('combatant', 'civilian', 'unknown')),
  "victim_group" TEXT,
  "quote" TEXT NOT NULL,
  "quote_start" INTEGER NOT NULL CHECK ("quote_start" >= 0),
  "quote_end" INTEGER NOT NULL CHECK ("quote_end" >= 1),
  "attribution_quote" TEXT,
  "attribution_start" INTEGER CHECK ("attribution_start" >= 0),
  "attribution_end" INTEGER CHECK ("attribution_end" >= 1),
  "curator_note" TEXT
);

CREATE TABLE "actor_relations" (
  "relation_id" TEXT PRIMARY KEY NOT NULL,
  "subject_actor_id" TEXT NOT NULL REFERENCES "actors" ("actor_id"),
  "relation" TEXT NOT NULL CHECK ("relation" IN ('backed_by', 'allied_with', 'affiliated_with', 'cooperates_with', 'operates', 'leads', 'owned_by')),
  "object_actor_id" TEXT NOT NULL REFERENCES "actors" ("actor_id"),
  "source_id" TEXT NOT NULL REFERENCES "sources" ("source_id"),
  "evidence_claim_id" TEXT REFERENCES "claims" ("claim_id"),
  "quote" TEXT NOT NULL,
  "quote_start" INTEGER NOT NULL CHECK ("quote_start" >= 0),
  "quote_end" INTEGER NOT NULL CHECK ("quote_end" >= 1),
  "curator_note" TEXT
);

CREATE TABLE "uncovered_sentences" (
  "uncovered_id" TEXT PRIMARY KEY NOT NULL,
  "source_id" TEXT NOT NULL REFERENCES "sources" ("source_id"),
  "sentence" TEXT NOT NULL,
  "sentence_start" INTEGER NOT NULL CHECK ("sentence_start" >= 0),
  "sentence_end" INTEGER NOT NULL CHECK ("sentence_end" >= 1),
  "reason" TEXT NOT NULL CHECK ("reason" IN ('archive_header', 'dateline', 'headline', 'photo_credit', 'boilerplate')),
  "curator_note" TEXT
);

CREATE TABLE "vocabularies" (
  "vocabulary" TEXT NOT NULL,
  "code" TEXT NOT NULL,
  "meaning" TEXT NOT NULL,
  PRIMARY KEY ("vocabulary", "code")
);
