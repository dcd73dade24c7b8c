package telegram

import (
	"encoding/json"
	"fmt"
)

// Updates in the shape Telegram sends them, for a private chat with
// privateChat unless said otherwise.

const (
	from      = `{"id":4242424242,"is_bot":false,"first_name":"Sam"}`
	chatPriv  = `{"id":4242424242,"type":"private","first_name":"Sam"}`
	chatGroup = `{"id":-1001234567,"type":"supergroup","title":"Parents of Year 7"}`
	botUser   = `{"id":1,"is_bot":true,"first_name":"Hub"}`
)

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// message is a message update in chat with the given extra fields.
func message(id int64, chat, fields string) string {
	return fmt.Sprintf(`{"update_id":%d,"message":{"message_id":%d,"date":1700000000,"from":%s,"chat":%s,%s}}`,
		id, id+1000, from, chat, fields)
}

func textUpdate(id int64, text string) string { return message(id, chatPriv, `"text":`+quote(text)) }

func callbackUpdate(id int64, queryID, data string) string {
	return fmt.Sprintf(`{"update_id":%d,"callback_query":{"id":%s,"from":%s,"message":{"message_id":9,"date":1700000000,"chat":%s,"text":"Pick one"},"chat_instance":"77","data":%s}}`,
		id, quote(queryID), from, chatPriv, quote(data))
}

func editedUpdate(id int64, text string) string {
	return fmt.Sprintf(`{"update_id":%d,"edited_message":{"message_id":5,"date":1700000000,"edit_date":1700000100,"from":%s,"chat":%s,"text":%s}}`,
		id, from, chatPriv, quote(text))
}

func memberUpdate(id int64, chat, oldStatus, newStatus string) string {
	return fmt.Sprintf(`{"update_id":%d,"my_chat_member":{"chat":%s,"from":%s,"date":1700000000,"old_chat_member":{"status":%q,"user":%s},"new_chat_member":{"status":%q,"user":%s}}}`,
		id, chat, from, oldStatus, botUser, newStatus, botUser)
}

const (
	stickerFields  = `"sticker":{"file_id":"CAAC","file_unique_id":"AgAD","type":"regular","width":512,"height":512,"is_animated":false,"is_video":false,"emoji":"👍"}`
	photoFields    = `"photo":[{"file_id":"AgAC","file_unique_id":"AQAD","width":90,"height":67}],"caption":"is this the right form?"`
	voiceFields    = `"voice":{"file_id":"AwAC","file_unique_id":"AgAE","duration":4,"mime_type":"audio/ogg"}`
	documentFields = `"document":{"file_id":"BQAC","file_unique_id":"AgAF","file_name":"letter.pdf","mime_type":"application/pdf"}`
)
