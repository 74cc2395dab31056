package index

import (
	"reflect"
	"testing"
)

func TestTokenize(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []token
	}{
		{"N’Djamena, Chad", []token{{"N'Djamena", 0, 11, true}, {",", 11, 12, false}, {"Chad", 13, 17, true}}},
		{"Côte d'Ivoire", []token{{"Côte", 0, 5, true}, {"d'Ivoire", 6, 14, true}}},
		{"co–host (x)", []token{{"co", 0, 2, true}, {"-", 2, 5, false}, {"host", 5, 9, true},
			{"(", 10, 11, false}, {"x", 11, 12, true}, {")", 12, 13, false}}},
		{"a\xffb", []token{{"a", 0, 1, true}, {"\ufffd", 1, 2, false}, {"b", 2, 3, true}}},
		{"  ", []token{}},
	} {
		if got := tokenize(tc.text); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("tokenize(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
