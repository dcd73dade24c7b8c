package main

import (
	"os"
	"strings"
	"testing"
)

// TestReadmeListsEveryVariable keeps README.md's configuration table in
// step with Config.
func TestReadmeListsEveryVariable(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range configKeys() {
		if !strings.Contains(string(b), "`"+k+"`") {
			t.Errorf("README.md does not document %s", k)
		}
	}
}
