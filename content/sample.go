package content

import (
	"embed"
	"fmt"
)

// SampleName is the name of the bundled sample offer, for logs that say
// hubbot is serving the Northbrook sample rather than a council's feed.
const SampleName = "Northbrook sample"

// sampleFiles holds copies of ../shared/fixtures/offer.json and
// practitioners.json, so hubbot runs with no files at all.
//
//go:embed sample/offer.json sample/practitioners.json
var sampleFiles embed.FS

// Sample imports the bundled Northbrook sample offer (classic Open Referral
// UK shape). Each call reads it afresh; the Offer is named SampleName.
func Sample() (*Offer, Report, error) {
	f, err := sampleFiles.Open("sample/offer.json")
	if err != nil {
		return nil, Report{Source: SampleName}, fmt.Errorf("content: sample offer: %w", err)
	}
	defer f.Close()
	return ReadFeed(f, SampleName, "")
}

// SampleDirectory reads the bundled Northbrook Family Hub and its
// practitioners.
func SampleDirectory() (Directory, error) {
	f, err := sampleFiles.Open("sample/practitioners.json")
	if err != nil {
		return Directory{}, fmt.Errorf("content: sample directory: %w", err)
	}
	defer f.Close()
	d, err := ReadDirectory(f)
	if err != nil {
		return Directory{}, fmt.Errorf("content: sample directory: %w", err)
	}
	return d, nil
}
