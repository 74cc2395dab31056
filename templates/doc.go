// Package templates holds the ITU-T TSAG TD template that the consolidated
// report is built on, and fills its cover.
//
// The template's parts are readable XML under td/ and are zipped into a
// .docx by Default. Its cover carries placeholders, each written inside one
// run so that a plain text replacement finds it:
//
//	{{TD_NUMBER}}        document number, e.g. TSAG-TD123 (cover and running header)
//	{{PLACE}}, {{DATE}}  meeting place and dates, e.g. Geneva, 20-23 January 2026
//	{{QUESTIONS}}        Question(s), e.g. N/A
//	{{SOURCE}}           e.g. Director, TSB
//	{{TITLE}}            the report's title
//	{{PURPOSE}}          Information, Discussion, Decision, ...
//	{{CONTACT_NAME}}     contact name, organization, country, telephone and e-mail;
//	{{CONTACT_ORG}}      the table row holding them is repeated once per contact
//	{{CONTACT_COUNTRY}}
//	{{CONTACT_TEL}}
//	{{CONTACT_EMAIL}}
//	{{KEYWORDS}}
//
// FillCover replaces them from a Meta (LoadMeta reads one from YAML) and
// refuses to return a document in which any {{…}} is left. A secretariat
// may bring its own template (Load); it must use the same placeholders.
//
// The body of the template ends with sections 1 and 2 of the report, the
// standard text the secretariat writes, followed by the body-level section
// properties; see InsertionPoint for where the regions' text goes.
package templates

// InsertionPoint is the contract between this template and the consolidate
// engine: the regions' content is inserted immediately before the
// body-level w:sectPr, the last child of w:body, so that it follows the
// template's last paragraph (the end of section 2) and the final section
// properties (A4, ITU margins, first-page and running headers) apply to the
// whole document. The template puts nothing after section 2 for that
// reason. InsertionOffset finds that point in a document.xml.
const InsertionPoint = "immediately before the body-level w:sectPr (the last child of w:body)"
