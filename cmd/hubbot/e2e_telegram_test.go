package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/northbrook/hubbot/bot/telegram/tgfake"
)

// TestTelegramConversation holds a whole conversation on Telegram in
// long-polling mode against a fake Bot API: a young person writes, gets
// services with buttons, taps "talk to a person" and is told who and when.
func TestTelegramConversation(t *testing.T) {
	const token = "123456:test-token"
	fake := tgfake.New(t, token)
	a := startApp(t, map[string]string{
		"HUBBOT_TELEGRAM_TOKEN":   token,
		"HUBBOT_TELEGRAM_API_URL": fake.URL,
		"HUBBOT_TELEGRAM_MODE":    "poll",
	})
	const chat = 987654321
	update := func(id int, text string) string {
		return fmt.Sprintf(`{"update_id":%d,"message":{"message_id":%d,"date":1760000000,"chat":{"id":%d,"type":"private","first_name":"Sam"},"from":{"id":%d,"is_bot":false,"first_name":"Sam"},"text":%q}}`, id, id, chat, chat, text)
	}
	fake.AddUpdate(t, update(1, "im 15 and my anxiety is so bad i cant go into school"))
	fake.WaitSent(t, 2, 15*time.Second)
	time.Sleep(1500 * time.Millisecond) // Telegram pace: about a message a second per chat
	sent := fake.Sent()
	var offer *tgfake.Message
	for i := range sent {
		if sent[i].ChatID != fmt.Sprint(chat) {
			t.Fatalf("reply went to chat %q", sent[i].ChatID)
		}
		if sent[i].ParseMode != "" {
			t.Errorf("reply uses parse mode %q; plain text needs no escaping", sent[i].ParseMode)
		}
		if len(sent[i].Keyboard) > 0 {
			offer = &sent[i]
		}
	}
	if offer == nil {
		t.Fatalf("no reply carried buttons: %+v", sent)
	}
	// Tap the "person" button the offer carried.
	var person string
	for _, row := range offer.Keyboard {
		for _, b := range row {
			if b.CallbackData == "person" {
				person = b.CallbackData
			}
		}
	}
	if person == "" {
		t.Fatalf("offer has no talk-to-a-person button: %+v", offer.Keyboard)
	}
	before := len(sent)
	fake.AddUpdate(t, fmt.Sprintf(`{"update_id":2,"callback_query":{"id":"cb-1","chat_instance":"x","from":{"id":%d,"is_bot":false,"first_name":"Sam"},"message":{"message_id":9,"date":1760000000,"chat":{"id":%d,"type":"private"}},"data":%q}}`, chat, chat, person))
	sent = fake.WaitSent(t, before+1, 15*time.Second)
	handoff := sent[len(sent)-1].Text
	if !strings.Contains(handoff, "will") {
		t.Errorf("handoff does not say who and when:\n%s", handoff)
	}
	deadline := time.Now().Add(5 * time.Second)
	for len(fake.Answered()) == 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if len(fake.Answered()) == 0 {
		t.Error("the button's callback query was never answered")
	}
	var transcript strings.Builder
	for i, m := range sent {
		fmt.Fprintf(&transcript, "--- reply %d\n%s\n", i+1, m.Text)
		for _, row := range m.Keyboard {
			for _, b := range row {
				fmt.Fprintf(&transcript, "[%s -> %s] ", b.Text, b.CallbackData)
			}
			transcript.WriteString("\n")
		}
	}
	golden(t, "e2e_telegram.golden", transcript.String())
	noPrivateData(t, a.logs.String(), fmt.Sprint(chat), "anxiety", token)
}
