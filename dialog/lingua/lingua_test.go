package lingua

import "testing"

// TestDetect checks each of the borough's languages on messages written
// for this test, and that what cannot be told gives "".
func TestDetect(t *testing.T) {
	d := New(false)
	for _, c := range []struct{ text, want string }{
		{"my little boy is three and still not talking, where can we get help", "en"},
		{"moja corka ma trzy lata i jeszcze nie mowi, gdzie szukac pomocy", "pl"},
		{"fiul meu are trei ani si inca nu vorbeste, unde gasim ajutor", "ro"},
		{"o meu filho tem tres anos e ainda nao fala, onde podemos pedir ajuda", "pt"},
		{"ابني عمره ثلاث سنوات وما زال لا يتكلم، أين نجد المساعدة", "ar"},
		{"میرا بیٹا تین سال کا ہے اور ابھی تک بات نہیں کرتا، مدد کہاں ملے گی", "ur"},
		{"ਮੇਰਾ ਪੁੱਤਰ ਤਿੰਨ ਸਾਲ ਦਾ ਹੈ ਅਤੇ ਅਜੇ ਬੋਲਦਾ ਨਹੀਂ", "pa"},
		{"আমার ছেলের বয়স তিন বছর, এখনও কথা বলে না", "bn"},
		{"", ""},
		{"   ", ""},
		{"👍", ""},
	} {
		if got := d.Detect(c.text); got != c.want {
			t.Errorf("Detect(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func BenchmarkDetect(b *testing.B) {
	d := New(true)
	for b.Loop() {
		d.Detect("my partner checks my phone and keeps my bank card, can i book the baby clinic")
	}
}
