package session_test

import (
	"testing"
	"time"

	"github.com/charter-tool/charter/session"
)

func TestCampaigns(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 3, d, 9, 0, 0, 0, time.UTC) }
	ss := []*session.Session{
		{ID: "a", Campaign: "Chartering 2026", CreatedAt: day(10)},
		{ID: "b", Campaign: "", CreatedAt: day(20)},
		{ID: "c", Campaign: "Chartering 2026", CreatedAt: day(2)},
		{ID: "d", Campaign: "Pilot", CreatedAt: day(5)},
	}
	got := session.Campaigns(ss)
	if len(got) != 3 || got[0].Name != "Chartering 2026" || got[1].Name != "Pilot" || got[2].Name != "" {
		t.Fatalf("order: %+v", got)
	}
	c := got[0]
	if !c.From.Equal(day(2)) || !c.To.Equal(day(10)) || c.Sessions[0].ID != "c" || c.Sessions[1].ID != "a" {
		t.Fatalf("campaign: %+v", c)
	}
}
