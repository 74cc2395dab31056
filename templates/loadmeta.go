package templates

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"tsagmerge/ingest/opc"
)

// maxMetaSize caps the YAML file: a cover needs a few hundred bytes.
const maxMetaSize = 1 << 20

// LoadMeta reads a cover description from a YAML file such as
//
//	td_number: TSAG-TD123
//	place: Geneva
//	date: 20-23 January 2026
//	contacts:
//	  - name: Jane Doe
//	    organization: TSB
//	    country: Switzerland
//	    tel: +41 22 730 0000
//	    email: jane.doe@itu.int
//
// Fields left out keep DefaultMeta's values. Unknown keys are refused (a
// misspelt key would otherwise be ignored silently), and so is a cover that
// does not Validate; every error names the file and the field.
func LoadMeta(path string) (Meta, error) {
	data, err := readSmallFile(path, maxMetaSize)
	if err != nil {
		return Meta{}, err
	}
	m := DefaultMeta()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&m); err != nil {
		if errors.Is(err, io.EOF) {
			return Meta{}, fmt.Errorf("%s: is empty; it must set at least td_number, place, date and contacts", path)
		}
		return Meta{}, fmt.Errorf("%s: %s", path, yamlProblem(err))
	}
	m.normalize()
	if err := m.Validate(); err != nil {
		var me *MetaError
		if errors.As(err, &me) {
			lines := keyLines(data)
			me.Locate(func(key string) string {
				if n, ok := lines[key]; ok {
					return fmt.Sprintf("%s:%d", path, n)
				}
				return path
			})
			return Meta{}, me
		}
		return Meta{}, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// keyLines maps each key of a cover's YAML, as Validate names them
// ("place", "contacts[1].email"), to its line.
func keyLines(data []byte) map[string]int {
	var doc yaml.Node
	lines := map[string]int{}
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return lines
	}
	var walk func(prefix string, n *yaml.Node)
	walk = func(prefix string, n *yaml.Node) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				key := prefix + n.Content[i].Value
				lines[key] = n.Content[i].Line
				walk(key, n.Content[i+1])
			}
		case yaml.SequenceNode:
			for i, item := range n.Content {
				key := fmt.Sprintf("%s[%d]", prefix, i+1)
				lines[key] = item.Line
				walk(key+".", item)
			}
		}
	}
	walk("", doc.Content[0])
	return lines
}

func readSmallFile(path string, limit int64) ([]byte, error) {
	f, _, err := opc.OpenFile(path) // a regular file only: a pipe would hang
	if err != nil {
		return nil, err // the path, what is wrong and what to do, as every command says it
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, opc.PathError(path, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: is larger than %d KiB; is it the right file?", path, limit>>10)
	}
	return data, nil
}

var unknownField = regexp.MustCompile(`field (\S+) not found in type (\S+)`)

// yamlProblem rewrites the YAML decoder's messages for a reader who has
// never seen the Go types: an unknown key is named with the keys allowed
// where it stands.
func yamlProblem(err error) string {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		return strings.TrimPrefix(err.Error(), "yaml: ")
	}
	msgs := make([]string, len(te.Errors))
	for i, e := range te.Errors {
		msgs[i] = unknownField.ReplaceAllStringFunc(e, func(s string) string {
			m := unknownField.FindStringSubmatch(s)
			where, t := "", reflect.TypeOf(Meta{})
			if m[2] == reflect.TypeOf(Contact{}).String() {
				where, t = " in a contact", reflect.TypeOf(Contact{})
			}
			return fmt.Sprintf("unknown field %q%s (known: %s)", m[1], where, strings.Join(yamlKeys(t), ", "))
		})
	}
	return strings.Join(msgs, "; ")
}

// yamlKeys lists the YAML keys of a struct type, in field order.
func yamlKeys(t reflect.Type) []string {
	keys := make([]string, 0, t.NumField())
	for i := 0; i < t.NumField(); i++ {
		if k, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); k != "" && k != "-" {
			keys = append(keys, k)
		}
	}
	return keys
}
