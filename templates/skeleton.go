package templates

// MetaSkeleton is the meta.yaml that `tsagmerge cover init` writes: every
// key of the cover, those that change with every TD left to fill in, the
// others at their defaults, each explained. LoadMeta refuses it until the
// TD number, place, date and a contact are given.
const MetaSkeleton = `# The cover of the consolidated TD: tsagmerge consolidate --meta meta.yaml.
# Fill in the four values that change with every TD; the others are the
# usual ones. Each value stays on one line (fold a long one with ">").

# The TD's number, as TSB gave it.
td_number: ""          # e.g. TSAG-TD123
# The meeting.
place: ""              # e.g. Geneva
date: ""               # e.g. 20-23 January 2026
# One entry per contact; the cover repeats its contact row for each.
contacts:
  - name: ""           # e.g. Jane Doe
    organization: TSB
    country: Switzerland
    tel: ""            # e.g. +41 22 730 0000 (may stay empty)
    email: ""          # e.g. jane.doe@itu.int

# The usual values; change them only for an unusual TD.
title: Contribution of the ITU Regional Offices to the implementation of the ITU-T four-year rolling operational plan
source: Director, TSB
purpose: Information   # Information, Discussion, Decision, Agreement, Approval or Admin
questions: N/A
keywords: ITU regional presence; Resolution 25; ITU-T operational plan
`
