package ingest

// RegionInfo describes one of the six ITU regions as the TSAG report
// orders and names them.
type RegionInfo struct {
	// Code is the three-letter code used in file names and reports.
	Code string
	// Name is the region's name as the report's headings spell it.
	Name string
	// Office is the city of the Regional Office.
	Office string
	// Heading is the region's level-1 heading text in the consolidated
	// report, without its number.
	Heading string
}

// Regions lists the six regions in the report's fixed order.
var Regions = []RegionInfo{
	{Code: "AFR", Name: "Africa", Office: "Addis Ababa", Heading: "Africa – Regional Office for Africa"},
	{Code: "AMS", Name: "Americas", Office: "Brasilia", Heading: "Americas – Regional Office for the Americas"},
	{Code: "ARB", Name: "Arab States", Office: "Cairo", Heading: "Arab States – Regional Office for the Arab States"},
	{Code: "ASP", Name: "Asia and the Pacific", Office: "Bangkok", Heading: "Asia and the Pacific – Regional Office for Asia and the Pacific"},
	{Code: "CIS", Name: "CIS", Office: "Moscow", Heading: "Commonwealth of Independent States (CIS) – Regional Office for the CIS Region"},
	{Code: "EUR", Name: "Europe", Office: "Geneva", Heading: "Europe – ITU Office for Europe"},
}

// RegionByCode returns the region with the given code and its position in
// the report's order (0–5), or ok=false.
func RegionByCode(code string) (info RegionInfo, order int, ok bool) {
	for i, r := range Regions {
		if r.Code == code {
			return r, i, true
		}
	}
	return RegionInfo{}, -1, false
}
