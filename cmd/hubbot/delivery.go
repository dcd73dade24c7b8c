package main

import (
	"context"
	"fmt"

	"github.com/northbrook/hubbot/bot/sms"
	"github.com/northbrook/hubbot/dialog"
)

// delivery hears what became of replies (from the outbox and from
// Twilio's status callbacks): it records the status in the transcript and
// opts out a family whose provider says they have stopped.
type delivery struct{ a *App }

// Status records a reply's delivery status in the transcript.
func (d delivery) Status(ctx context.Context, ob dialog.Outbound, status string) {
	if err := d.record(ctx, ob.ConvID, ob.ID, status); err != nil {
		d.a.Log.Warn("delivery status not recorded", "conv", ob.ConvID, "reply", ob.ID, "err", err)
	}
}

// Stopped opts the family out: nothing more is sent until they write again.
func (d delivery) Stopped(ctx context.Context, ob dialog.Outbound) {
	err := d.a.Engine.Handle(ctx, dialog.Inbound{Channel: ob.Channel, Address: ob.Address, Kind: dialog.EventOptedOut, MessageID: "stopped:" + ob.ID})
	if err != nil {
		d.a.Log.Warn("opt-out not recorded", "conv", ob.ConvID, "err", err)
	}
}

// SMSStatus takes a Twilio status callback.
func (d delivery) SMSStatus(ctx context.Context, convID, replyID, status, errorCode string) error {
	if status == sms.StatusStopped {
		c, err := d.a.Store.Load(ctx, convID)
		if err != nil {
			return fmt.Errorf("delivery: %w", err)
		}
		return d.a.Engine.Handle(ctx, dialog.Inbound{Channel: c.Channel, Address: c.Address, Kind: dialog.EventOptedOut, MessageID: "stopped:" + replyID})
	}
	return d.record(ctx, convID, replyID, status)
}

func (d delivery) record(ctx context.Context, convID, replyID, status string) error {
	_, err := d.a.Store.UpdateByID(ctx, convID, func(c dialog.Conversation) (dialog.Conversation, dialog.Commit, error) {
		return c, dialog.Commit{Transcript: []dialog.Entry{{At: d.a.now(), From: dialog.DeliveryStatus, Status: status, ID: replyID}}}, nil
	})
	return err
}
