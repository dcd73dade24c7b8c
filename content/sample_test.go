package content

import (
	"bytes"
	"reflect"
	"testing"
)

func TestSample(t *testing.T) {
	o, rep, err := Sample()
	if err != nil {
		t.Fatal(err)
	}
	if o.Name != SampleName || rep.Source != SampleName || rep.Version != VersionORUK1 {
		t.Errorf("name %q source %q version %q", o.Name, rep.Source, rep.Version)
	}
	if rep.Imported != 130 || rep.SkippedTotal() != 0 {
		t.Errorf("report: %s", rep.Summary())
	}
	again, _, err := Sample()
	if err != nil || again == o || !reflect.DeepEqual(again.Services, o.Services) {
		t.Error("Sample should build an equal, fresh offer each call")
	}
	t.Run("embedded copy matches the shared fixture", func(t *testing.T) {
		for _, name := range []string{"offer.json", "practitioners.json"} {
			embedded, err := sampleFiles.ReadFile("sample/" + name)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(embedded, mustReadFile(t, "../../shared/fixtures/"+name)) {
				t.Errorf("sample/%s differs from ../shared/fixtures/%s: copy it again", name, name)
			}
		}
	})
}

func TestSampleDirectory(t *testing.T) {
	d, err := SampleDirectory()
	if err != nil {
		t.Fatal(err)
	}
	if d.Hub.Name != "Northbrook Family Hub" || d.Hub.OutOfHours.Number == "" || len(d.Hub.Emergency) == 0 {
		t.Errorf("hub %+v", d.Hub)
	}
	if len(d.Practitioners) != 10 {
		t.Fatalf("%d practitioners", len(d.Practitioners))
	}
	for _, p := range d.Practitioners {
		if p.ID == "" || p.Name == "" || len(p.Hours) == 0 || p.MaxOpen <= 0 || len(p.Skills) == 0 {
			t.Errorf("practitioner %+v", p)
		}
	}
}
