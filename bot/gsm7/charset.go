// Package gsm7 renders replies for SMS: it maps typography to the GSM 03.38
// 7-bit alphabet so a reply costs one septet a character, keeps UCS-2 only
// for text written in a script GSM-7 lacks, counts segments as carriers
// bill them, and keeps a reply within two segments unless the family asked
// for more.
package gsm7

import "strings"

// Basic is the GSM 03.38 default alphabet (without the escape code) in table
// order; each of its characters costs one septet.
const Basic = "@£$¥èéùìòÇ\nØø\rÅå" +
	"Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ" +
	" !\"#¤%&'()*+,-./" +
	"0123456789:;<=>?" +
	"¡ABCDEFGHIJKLMNO" +
	"PQRSTUVWXYZÄÖÑÜ§" +
	"¿abcdefghijklmno" +
	"pqrstuvwxyzäöñüà"

// Extension is the part of the GSM 03.38 extension table that phones render
// reliably; each of its characters costs two septets (escape plus code). The
// form feed is left out on purpose: a reply has no use for it.
const Extension = "^{}\\[~]|€"

// basicNonASCII is the part of Basic outside ASCII.
const basicNonASCII = "£¥èéùìòÇØøÅåΔΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà"

// Septets reports how many septets r costs in GSM-7: 1 for the default
// alphabet, 2 for the extension table, 0 when r cannot be sent in GSM-7.
func Septets(r rune) int {
	switch {
	case r == '\n' || r == '\r':
		return 1
	case r == '`':
		return 0
	case r >= 0x20 && r <= 0x7e:
		if strings.ContainsRune("^{}\\[~]|", r) {
			return 2
		}
		return 1
	case r == '€':
		return 2
	case r > 0x7e && strings.ContainsRune(basicNonASCII, r):
		return 1
	}
	return 0
}

// IsGSM reports whether every character of s can be sent in GSM-7.
func IsGSM(s string) bool {
	for _, r := range s {
		if Septets(r) == 0 {
			return false
		}
	}
	return true
}
