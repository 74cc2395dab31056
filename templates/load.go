package templates

import (
	"fmt"
	"slices"
	"strings"

	"tsagmerge/ingest/opc"
)

// mainPart is where github.com/nguyenthenguyen/docx looks for the
// document; it does not follow relationships.
const mainPart = "word/document.xml"

// Load reads a secretariat's own cover template (--template FILE) and
// checks that FillCover and the consolidate engine can use it: a safe,
// readable Word package whose main part is word/document.xml, whose body
// ends with section properties, and whose cover has the required
// placeholders, each whole in one run and each one FillCover knows.
// Errors name the file and say what to change.
func Load(path string) ([]byte, error) {
	data, err := readSmallFile(path, maxTemplate)
	if err != nil {
		return nil, err
	}
	p, err := opc.OpenBytes(path, data)
	if err != nil {
		return nil, err // already names the file and the remedy
	}
	if err := checkTemplate(path, p); err != nil {
		return nil, err
	}
	return data, nil
}

// maxTemplate is the largest template read: the TSAG template is 60 KB,
// one with a logo or two a few hundred.
const maxTemplate = 64 << 20

func checkTemplate(path string, p *opc.Package) error {
	main, err := p.MainDocument()
	if err != nil {
		return err
	}
	if main != mainPart {
		return fmt.Errorf("%s: its main document is %s, but the cover can only be filled in %s; open it in Word and save it again as .docx", path, main, mainPart)
	}
	if !p.Has(opc.RelsPartName(mainPart)) {
		return fmt.Errorf("%s: has no %s; open it in Word and save it again as .docx", path, opc.RelsPartName(mainPart))
	}
	doc, err := p.Read(mainPart)
	if err != nil {
		return err
	}
	if err := opc.CheckXML(path, mainPart, doc); err != nil {
		return err
	}
	if _, err := InsertionOffset(doc); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return checkTemplatePlaceholders(path, p)
}

// checkTemplatePlaceholders reads every WordprocessingML part for {{…}}.
func checkTemplatePlaceholders(path string, p *opc.Package) error {
	seen := map[string]bool{}
	for _, name := range p.SortedNames() {
		if !isWordXML(name) {
			continue
		}
		data, err := p.Read(name)
		if err != nil {
			return err
		}
		if err := opc.CheckXML(path, name, data); err != nil {
			return err
		}
		fs, err := findPlaceholders(name, data)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		for _, f := range fs {
			if f.split || !isPlaceholder(f.name) || !fillable(f.part) {
				return fmt.Errorf("%s: %s", path, leftoverProblem(f))
			}
			seen[f.name] = true
		}
	}
	var missing []string
	for _, name := range RequiredPlaceholders {
		if !seen[name] {
			missing = append(missing, token(name))
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("%s: is not a cover template: it lacks %s; the placeholders are %s",
			path, strings.Join(missing, " and "), strings.Join(tokens(Placeholders), " "))
	}
	if slices.ContainsFunc(contactPlaceholders, func(n string) bool { return seen[n] }) && !seen[PhContactName] {
		return fmt.Errorf("%s: has contact placeholders but no %s, whose table row is repeated for each contact", path, token(PhContactName))
	}
	return nil
}
