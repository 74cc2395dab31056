package diff

import (
	"fmt"
	"time"

	"tsagmerge/ingest"
	"tsagmerge/ingest/inbox"
)

// Versions are two versions of a contribution read for a comparison, as
// read and in the view compared: a version that holds tracked changes is
// compared with them accepted (or, in the Original view, rejected).
type Versions struct {
	Old, New         *ingest.Document
	OldView, NewView *ingest.Document
	View             View
	// Settled names the versions that held tracked changes, settled to
	// View before they were compared.
	Settled []string
}

// OpenVersions reads the two versions and settles them to view ("" is
// Accepted). Close releases them.
func OpenVersions(oldPath, newPath string, view View) (*Versions, error) {
	if view == "" {
		view = Accepted
	}
	if view != Accepted && view != Original {
		return nil, fmt.Errorf("the view %q is neither accepted nor original", view)
	}
	v := &Versions{View: view}
	var err error
	if v.Old, err = inbox.ReadNamed(oldPath); err != nil {
		return nil, err
	}
	if v.New, err = inbox.ReadNamed(newPath); err != nil {
		v.Close()
		return nil, err
	}
	if err := v.settle(); err != nil {
		v.Close()
		return nil, err
	}
	return v, nil
}

// settle makes the views.
func (v *Versions) settle() error {
	var err error
	if v.OldView, err = settleDoc(v.Old, v.View == Accepted); err != nil {
		return err
	}
	if v.NewView, err = settleDoc(v.New, v.View == Accepted); err != nil {
		return err
	}
	for _, p := range [][2]*ingest.Document{{v.Old, v.OldView}, {v.New, v.NewView}} {
		if p[0] != p[1] {
			v.Settled = append(v.Settled, p[0].Path)
		}
	}
	return nil
}

// Close releases the packages read.
func (v *Versions) Close() {
	for _, d := range []*ingest.Document{v.Old, v.New, v.OldView, v.NewView} {
		if d != nil && d.Package != nil {
			d.Package.Close()
		}
	}
}

// Compare compares the views; the tracked changes listed are those the
// versions hold as read.
func (v *Versions) Compare() *Result {
	r := Compare(v.OldView, v.NewView)
	r.Old, r.New = v.Old.Path, v.New.Path
	r.Revisions = compareRevisions(v.Old.Revisions, v.New.Revisions)
	if len(v.Settled) > 0 {
		r.View, r.Settled = v.View, v.Settled
	}
	return r
}

// Redline makes the redline of the views.
func (v *Versions) Redline(date time.Time) (*Redline, error) {
	red, err := MakeRedline(v.OldView, v.NewView, RedlineOptions{View: v.View, Date: date})
	if err != nil {
		return nil, err
	}
	red.Settled = v.Settled
	return red, nil
}

// RegionWarning says, when the two versions are different regions'
// contributions (each file's region as ingest recognised it), that the
// comparison is probably not the one meant: nearly everything differs.
// It is "" when both are the same region's, when a side's region is
// unknown, or when a side is a TD.
func (v *Versions) RegionWarning() string {
	o, n := v.Old.Region.Code, v.New.Region.Code
	if o == "" || n == "" || o == n || v.Old.Meta.TD != "" || v.New.Meta.TD != "" {
		return ""
	}
	return fmt.Sprintf("%s is the contribution of %s and %s that of %s: two regions' contributions, so nearly everything shows as changed; to see what a region changed, compare two versions of its contribution",
		v.Old.Path, regionOf(o), v.New.Path, regionOf(n))
}

// regionOf names a region as the warning does: "Africa's (AFR)".
func regionOf(code string) string {
	info, _, ok := ingest.RegionByCode(code)
	switch {
	case !ok, info.Name == code:
		return code
	}
	return info.Name + " (" + code + ")"
}
