package main

// Blank imports that pin the design card's modules in go.mod while the
// commands that use them are written; removed once each is used for real.
import (
	_ "github.com/nguyenthenguyen/docx"
	_ "github.com/sergi/go-diff/diffmatchpatch"
	_ "github.com/xuri/excelize/v2"
	_ "go.yaml.in/yaml/v3"
)
