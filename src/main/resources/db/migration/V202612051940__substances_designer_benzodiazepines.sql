-- Classes form a tree (SubstanceClass): designer benzodiazepines get their own class under benzodiazepine, so that
-- a filter or rule on "benzodiazepine" still finds them and one on "designer benzodiazepine" finds only them.
-- The seed list (substances/seed-vocabulary.csv) names the same six; this moves them where an older seed put them.
UPDATE substances.substance
SET substance_class = 'DESIGNER_BENZODIAZEPINE', updated_at = now(), updated_by = 'migration V202612051940'
WHERE code IN ('etizolam', 'bromazolam', 'flualprazolam', 'flubromazolam', 'clonazolam', 'desalkylgidazepam')
  AND substance_class = 'BENZODIAZEPINE';
