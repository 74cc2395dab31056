// Package activity finds the activities the regional contributions report
// — each meeting, workshop, training, course, webinar, forum, mission,
// consultation or visit — with their dates, places, head counts, ITU-T
// groups, Recommendations and partners: the rows of the activity index
// (package index writes the workbook).
//
// It works on the ingest document model only, in four stages, each in its
// own file:
//
//  1. blocks.go: a document's body as blocks — paragraphs, list items,
//     and the rows of a table of activities, its header row naming the
//     columns (Event, Dates, Venue, Participants).
//  2. segment.go (with classify.go): each block's sentences cut into
//     activities — what starts one, what continues the one before, and
//     what is none (introductions, standing coordination, plans and
//     deadlines, pointers to tables, lists of Resolutions).
//  3. fields.go: an activity's fields from its sentences, read by
//     datescan.go (into dates.go's spans), places.go, participants.go
//     and refs.go.
//  4. row.go: the activity's row, from its sentences or its table row.
//
// extract.go runs them. Words are read once, as tokens (tokens.go), and
// the readers scan tokens: no regular expression is needed. The country
// list, the city gazetteer and the partner list are data files embedded in
// the package (countries.tsv, cities.tsv, partners.tsv) so that they can
// be corrected without touching the code. Package gold scores the result
// against a gold file.
package activity
