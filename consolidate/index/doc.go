// Package index builds the Excel activity index of the regional
// contributions: one row per activity the regions report (an event, a
// project, a meeting or a piece of work), with its dates, place, countries,
// participants, ITU-T groups, Recommendations and partners, plus the open
// review comments, pending tracked changes and figures of every file and a
// per-region summary.
//
// Extraction works on the ingest document model only. The country list, the
// city gazetteer and the partner list are data files embedded in the
// package (countries.tsv, cities.tsv, partners.tsv) so that they can be
// corrected without touching the code.
package index
