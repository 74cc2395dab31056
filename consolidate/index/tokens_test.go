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
		{"N’Djamena, Chad", []token{{"N'Djamena", true}, {",", false}, {"Chad", true}}},
		{"Côte d'Ivoire", []token{{"Côte", true}, {"d'Ivoire", true}}},
		{"co–host (x)", []token{{"co", true}, {"-", false}, {"host", true},
			{"(", false}, {"x", true}, {")", false}}},
		{"a\xffb", []token{{"a", true}, {"\ufffd", false}, {"b", true}}},
		{"  ", []token{}},
	} {
		if got := tokenize(tc.text); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("tokenize(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
