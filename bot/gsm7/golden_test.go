package gsm7

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/render")

// TestRenderGolden renders each testdata/render/*.txt (with moreOK for
// *.more.txt) and compares with its .golden file.
func TestRenderGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "render", "*.txt"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".txt")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			more := strings.HasSuffix(name, ".more")
			out, enc, segs := Render(strings.TrimSuffix(string(b), "\n"), more)
			got := fmt.Sprintf("encoding: %s\nsegments: %d\nmore: %v\n---\n%s\n", enc, segs, more, out)
			golden := strings.TrimSuffix(in, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("render differs from %s:\n got:\n%s\nwant:\n%s", golden, got, want)
			}
		})
	}
}
