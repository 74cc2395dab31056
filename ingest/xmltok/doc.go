// Package xmltok is the one XML tokenizer of tsagmerge: a byte-level
// scanner over a part held in memory, several times faster than
// encoding/xml's RawToken because it allocates nothing per token. Tokens
// are slices of the source (names and attribute values as written, still
// escaped) with their byte ranges, so a caller can copy what it does not
// change byte for byte and rewrite only what it must; nothing is ever
// re-encoded.
//
// On top of the scanner:
//   - Scope resolves namespace prefixes, with bindings pushed and popped
//     with the elements that declare them;
//   - Unescape and the Escape helpers convert values and text;
//   - ToUTF8 reads the single-byte encodings some writers declare.
//
// A Scanner always checks that tags balance and refuses document type
// declarations (Word never writes one, and entity expansion is an attack
// surface). With Options.Strict it also checks what well-formedness needs
// beyond that: names, attribute syntax and quoting, duplicate attributes,
// entity and character references, characters (UTF-8, no control codes),
// one root element and nothing but white space, comments and processing
// instructions outside it.
package xmltok
