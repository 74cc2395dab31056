package activity

import "testing"

func TestTokenize(t *testing.T) {
	type tok struct {
		key       string
		word, gap bool
	}
	for _, tc := range []struct {
		text string
		want []tok
	}{
		{"N’Djamena, Chad", []tok{{"N'Djamena", true, false}, {",", false, false}, {"Chad", true, true}}},
		{"Côte d'Ivoire", []tok{{"Côte", true, false}, {"d'Ivoire", true, true}}},
		{"9–12 x (y)", []tok{{"9", true, false}, {"-", false, false}, {"12", true, false}, {"x", true, true},
			{"(", false, true}, {"y", true, false}, {")", false, false}}},
		{"a\xffb", []tok{{"a", true, false}, {"\ufffd", false, false}, {"b", true, false}}},
		{"a\u00a0b", []tok{{"a", true, false}, {"b", true, true}}},
		{"  ", nil},
	} {
		got := tokenize(tc.text)
		if len(got) != len(tc.want) {
			t.Errorf("tokenize(%q) = %d tokens %v, want %d", tc.text, len(got), got, len(tc.want))
			continue
		}
		for i, g := range got {
			w := tc.want[i]
			if g.Key != w.key || g.Word != w.word || g.Gap != w.gap {
				t.Errorf("tokenize(%q)[%d] = %q word %v gap %v, want %+v", tc.text, i, g.Key, g.Word, g.Gap, w)
			}
			if g.Word && g.Lower != lowerKey(g.Key) {
				t.Errorf("%q: Lower %q", g.Key, g.Lower)
			}
		}
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{"  N’Djamena –  Chad ": "n'djamena - chad", "A\tB": "a b", "": ""} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLexicon: a token's roles are those of its word lists.
func TestLexicon(t *testing.T) {
	for word, role := range map[string]wordRole{"workshops": roleEventNoun, "held": roleEventVerb,
		"forty": roleNumberWord, "delegates": rolePeople, "from": roleDateStarter, "continues": rolePhraseStart,
		"Sept": roleMonth, "May": roleMonth} {
		if toks := tokenize(word); !toks[0].is(role) {
			t.Errorf("%q lacks role %d", word, role)
		}
	}
	if toks := tokenize("Cairo"); toks[0].role != 0 {
		t.Errorf("Cairo has roles %d", toks[0].role)
	}
}
