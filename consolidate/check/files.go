package check

import (
	"fmt"
	"path/filepath"

	"tsagmerge/consolidate/diff"
	"tsagmerge/ingest"
	"tsagmerge/ingest/inbox"
)

// superseded reports a file that a later version replaces, with what the
// later version changed; the superseded file's own contents are not judged.
func superseded(in *inbox.Inbox, f inbox.FileEntry) Finding {
	fd := Finding{Kind: SupersededFile, Text: f.Reason}
	if used := in.Entry(f.SupersededBy); used != nil && used.Doc != nil && f.Doc != nil {
		if res := diff.Compare(f.Doc, used.Doc); res.Identical() {
			fd.Text += "; its text is the same as the used file's"
		} else {
			fd.Text += "; changes in the used file: " + res.Summary()
			if f.Unordered {
				// Two different texts and nothing to say which is the
				// later: the wrong one may be published.
				fd.Severity = Warning
				fd.Text += "; keep only the latest version in the inbox (or mark it v2 or final in its name)"
			}
		}
	}
	return fd
}

// refused reports a file that cannot be used, and which file speaks for
// its region instead, if any: a region's newest version may be the one
// that was refused.
func refused(in *inbox.Inbox, f inbox.FileEntry) Finding {
	text := f.Reason
	for _, u := range in.Files {
		if f.Region != "" && u.Region == f.Region && u.Status == inbox.Used {
			text += "; " + filepath.Base(u.Path) + " is used for " + f.Region + " instead"
		}
	}
	return Finding{Kind: RefusedFile, Text: text}
}

// missingRegions reports the regions no file speaks for, saying when the
// region's file was there but refused.
func missingRegions(in *inbox.Inbox) []Finding {
	var out []Finding
	for _, code := range in.Missing {
		info, _, _ := ingest.RegionByCode(code)
		text := "no contribution from " + info.Name
		if info.Name != code {
			text += " (" + code + ")"
		}
		for _, f := range in.Files {
			if f.Region == code && f.Status == inbox.Refused {
				text += fmt.Sprintf("; %s was refused", filepath.Base(f.Path))
			}
		}
		out = append(out, Finding{Kind: MissingRegion, Region: code, Text: text})
	}
	return out
}

// staleText reports the paragraphs of a contribution that last period's
// TD already held word for word, in the region's section.
func staleText(d *ingest.Document, opts Options) []Finding {
	if opts.Since == nil {
		return nil
	}
	var out []Finding
	for _, s := range diff.Stale(opts.Since, d, d.Region.Code) {
		out = append(out, Finding{Kind: StaleText, Section: s.Section, Paragraph: s.Paragraph, Context: clip(s.Text),
			Text: "carried over unchanged from " + filepath.Base(opts.Since.Path) + ": update it for this period, or keep it knowingly"})
	}
	return out
}
