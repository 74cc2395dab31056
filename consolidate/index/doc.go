// Package index writes the Excel activity index of the regional
// contributions: the activities package activity finds (one row each, with
// its dates, place, countries, participants, ITU-T groups, Recommendations
// and partners), plus the open review comments, pending tracked changes
// and figures of every file and a per-region summary.
package index
