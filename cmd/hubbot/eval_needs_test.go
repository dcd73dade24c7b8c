package main

import (
	"testing"

	"github.com/northbrook/hubbot/dialog/triage"
)

func TestScoreNeeds(t *testing.T) {
	cases := []triage.NeedExample{
		{Terms: []string{"speech-language", "early-years"}},
		{Terms: []string{"money"}},
		{Terms: []string{"housing"}},
		{NoFit: true},
		{NoFit: true},
	}
	got := [][]string{
		{"speech-language"},         // top 1
		{"food", "health", "money"}, // third
		{"food", "health", "youth"}, // missed
		nil,                         // no need: right
		{"youth"},                   // a need for a no-fit: wrong
	}
	s := scoreNeeds(cases, got)
	if s.N != 5 || s.Top1 != 1.0/3 || s.RecallAt3 != 2.0/3 || s.NoNeedAccuracy != 0.5 {
		t.Errorf("scores %+v", s)
	}
}

func TestScoreSignpostingByLanguage(t *testing.T) {
	cases := []signpostCase{{Relevant: []string{"a"}, Lang: "pl"}, {Relevant: []string{"b"}}, {NoFit: true, Lang: "pl"}}
	got := []signpostOutcome{{Ranked: []string{"a"}}, {Ranked: []string{"c"}}, {NoFit: true}}
	s := scoreByLanguage(scoreSignposting(cases, got), cases, got)
	if pl := s.ByLanguage["pl"]; pl.RecallAt3 != 1 || pl.NoFitAccuracy != 1 || pl.N != 2 {
		t.Errorf("pl %+v", pl)
	}
	if en := s.ByLanguage["en"]; en.RecallAt3 != 0 || en.N != 1 {
		t.Errorf("en %+v", en)
	}
}
