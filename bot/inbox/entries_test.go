package inbox

import (
	"testing"

	"github.com/northbrook/hubbot/dialog"
)

func TestEntriesFoldDeliveryStatus(t *testing.T) {
	h := &handler{}
	tests := []struct {
		label string
		tx    []dialog.Entry
		want  []string // who: text [status]
	}{
		{"NoReceipts", []dialog.Entry{{From: dialog.FromFamily, Text: "hi"}, {From: dialog.FromBot, Text: "hello", ID: "o1"}},
			[]string{"Family: hi []", "Bot: hello []"}},
		{"LatestReceiptWins", []dialog.Entry{
			{From: dialog.FromPractitioner, Text: "call you at 4", ID: "o2", Author: "prac-x"},
			{From: fromStatus, ID: "o2", Status: "sent"},
			{From: fromStatus, ID: "o2", Status: "delivered"},
			{From: fromStatus, ID: "o9", Status: "failed"}, // for a line no longer kept
		}, []string{"prac-x: call you at 4 [delivered]"}},
		{"Note", []dialog.Entry{{From: dialog.Note, Text: "n", Author: "prac-y"}, {From: dialog.Note, Text: "taken"}},
			[]string{"Internal note by prac-y: n []", "Internal note: taken []"}},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			got := h.entries(tt.tx)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d entries %+v, want %v", len(got), got, tt.want)
			}
			for i, e := range got {
				if s := e.Who + ": " + e.Text + " [" + e.Status + "]"; s != tt.want[i] {
					t.Errorf("entry %d: %q, want %q", i, s, tt.want[i])
				}
			}
		})
	}
}
