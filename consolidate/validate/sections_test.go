package validate

import (
	"reflect"
	"testing"
)

func TestCarriedSections(t *testing.T) {
	src := []pageSection{{para: 3, cols: 1}, {para: 6, cols: 2}, {para: 10, cols: 1}}
	tests := []struct {
		name    string
		dropped []int
		want    []int // the paras of the sections kept
	}{
		{"nothing dropped", nil, []int{3, 6, 10}},
		{"a title page dropped with its section", []int{1, 2, 3}, []int{6, 10}},
		{"part of a section dropped", []int{1, 2}, []int{3, 6, 10}},
		{"everything dropped: the last section stands", []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, []int{10}},
	}
	for _, tt := range tests {
		dropped := map[int]bool{}
		for _, i := range tt.dropped {
			dropped[i] = true
		}
		var got []int
		for _, s := range carriedSections(src, dropped) {
			got = append(got, s.para)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: kept %v, want %v", tt.name, got, tt.want)
		}
	}
}
