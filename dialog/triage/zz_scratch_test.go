package triage

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/northbrook/hubbot/content"
)

func TestZZScratch(t *testing.T) {
	o, _, err := content.Sample()
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println(o.Wards(), o.PostcodeWards())
	p := NewParser(o.Wards(), o.PostcodeWards())
	f, _ := os.Open("/tmp/scr/in.txt")
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		tr := p.Parse(sc.Text())
		b, _ := json.Marshal(tr)
		fmt.Printf("%-50q %s\n", sc.Text(), b)
	}
}
