package ingest

import (
	"time"
)

// parseDate reads a w:date (xsd:dateTime, often without a zone).
func parseDate(v string) time.Time {
	if v == "" {
		return time.Time{}
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t
		}
	}
	return time.Time{}
}

func atoiOr(v string, def int) int {
	n, neg := 0, false
	if v == "" {
		return def
	}
	for i, c := range v {
		switch {
		case c == '-' && i == 0:
			neg = true
		case c >= '0' && c <= '9':
			n = n*10 + int(c-'0')
			if n > 1<<20 {
				return def
			}
		default:
			return def
		}
	}
	if neg {
		return -n
	}
	return n
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}
