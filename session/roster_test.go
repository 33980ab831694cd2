package session_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
)

const rosterHeader = "team,location,cluster,level,name,email,role,experience\n"

func TestReadAndCheckRoster(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, format, in string
		teams, people    int
		problems         []string // "line N: ..." substrings, in order
	}{
		{"csv", "csv", rosterHeader +
			"Payments,Berlin,Finance,gold,Ada Example,ada@example.org,security-engineer,>3y\n" +
			"payments,Berlin,Finance,gold,Bo Example,bo@example.org,developer,1-3y\n" +
			"Search,remote,,Bronze,Cy Example,cy@example.org,Developer,< 1y\n", 2, 3, nil},
		{"csv columns in another order, cluster left out", "csv",
			"email,name,team,location,level,role,experience\nada@example.org,Ada,Payments,Berlin,gold,manager,<1y\n", 1, 1, nil},
		{"jsonl", "jsonl", `{"team":"Payments","location":"Berlin","level":"gold","name":"Ada","email":"ada@example.org","role":"service-owner","experience":"1-3y"}` + "\n\n" +
			`{"team":"Search","location":"Porto","cluster":"Web","level":"platinum","name":"Bo","email":"bo@example.org","role":"developer","experience":">3y"}` + "\n", 2, 2, nil},
		{"every bad row is reported by line", "csv", rosterHeader +
			"Payments,Berlin,,gold,Ada,ada@example.org,security-engineer,>3y\n" +
			"Payments,Porto,,gold,Bo,bo@example.org,developer,>3y\n" +
			"Search,Berlin,,copper,Cy,cy@example.org,developer,>3y\n" +
			"Search,Berlin,,gold,Di,ADA@example.org,developer,>3y\n" +
			"Search,Berlin,,gold,Ed,not-an-address,developer,>3y\n" +
			"Search,Berlin,,gold,Fa,fa@example.org,ciso,>3y\n" +
			"Search,Berlin,,gold,Gu,gu@example.org,developer,ages\n" +
			"Search,Berlin,,gold,,hu@example.org,developer,>3y\n" +
			"Search,Berlin,gold\n", 0, 0,
			[]string{"line 3: team Payments has location", "line 4: unknown level \"copper\"", "line 5: the e-mail ADA@example.org is already on line 2",
				"line 6: \"not-an-address\" is not an e-mail", "line 7: unknown role \"ciso\"", "line 8: unknown experience \"ages\"",
				"line 9: The name cannot be empty", "line 10: 3 fields"}},
		{"jsonl with an unknown field and a number", "jsonl", `{"team":"A","location":"B","level":"gold","name":"C","email":"c@example.org","role":"developer","experience":">3y","phone":"1"}` + "\n" +
			`{"team":"A","location":"B","level":"gold","name":"C","email":"d@example.org","role":"developer","experience":3}` + "\n" + "[1]\n", 0, 0,
			[]string{`line 1: unknown field "phone"`, "line 2: experience must be a string", "line 3: not a JSON object"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := session.ReadRoster(strings.NewReader(tc.in), tc.format)
			if err != nil {
				t.Fatal(err)
			}
			teams, err := session.CheckRoster(rows)
			var ie *session.ImportError
			if len(tc.problems) > 0 {
				if !errors.As(err, &ie) || len(ie.Problems) != len(tc.problems) {
					t.Fatalf("error %v, want %d problems", err, len(tc.problems))
				}
				for i, want := range tc.problems {
					if got := ie.Problems[i].String(); !strings.Contains(got, want) {
						t.Errorf("problem %d: %q, want %q", i, got, want)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			people := 0
			for _, team := range teams {
				people += len(team.People)
			}
			if len(teams) != tc.teams || people != tc.people {
				t.Errorf("%d teams, %d people; want %d, %d", len(teams), people, tc.teams, tc.people)
			}
		})
	}
}

func TestReadRosterRefusesWhatIsNotARoster(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, format, in, want string
	}{
		{"empty", "csv", "", "The file is empty"},
		{"wrong header", "csv", "team,location,phone\n", `unknown column "phone"`},
		{"missing column", "csv", "team,location,level,name,email,role\n", `no column "experience"`},
		// Lines of spaces, which the reader skips, make the file too large in
		// 8,193 lines rather than 8 million (a second under the race detector).
		{"too large", "jsonl", strings.Repeat(strings.Repeat(" ", 1023)+"\n", session.MaxRosterBytes/1024+1), "larger than 8 MiB"},
		{"a line too long", "jsonl", strings.Repeat("x", 100<<10), "line 1: longer than"},
		{"too many rows", "csv", rosterHeader + strings.Repeat("A,B,,gold,C,c@example.org,developer,>3y\n", session.MaxRosterRows+1), "at most 20000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := session.ReadRoster(strings.NewReader(tc.in), tc.format)
			if !strings.Contains(session.ErrorMessage(err), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
	if _, err := session.CheckRoster(nil); !strings.Contains(session.ErrorMessage(err), "holds no people") {
		t.Errorf("empty roster: %v", err)
	}
}

// A roster saved in another encoding than UTF-8 is refused with a message saying
// so, instead of a name losing its accented letters without a word ("José"
// invited as "Jos").
func TestReadRosterRefusesOtherEncodings(t *testing.T) {
	t.Parallel()
	utf16 := func(s string) string {
		b := []byte{0xff, 0xfe}
		for _, r := range s {
			b = append(b, byte(r), 0)
		}
		return string(b)
	}
	row := "A,Berlin,,gold,Jos\xe9,j@example.org,developer,>3y\n"
	for _, tc := range []struct {
		name, format, in, want string
	}{
		{"utf16 csv", "csv", utf16(rosterHeader + "A,Berlin,,gold,Jo,j@example.org,developer,>3y\n"), "UTF-16"},
		{"utf16 jsonl", "jsonl", utf16(`{"team":"A"}` + "\n"), "UTF-16"},
		{"latin1 csv", "csv", rosterHeader + row, "not UTF-8"},
		{"latin1 jsonl", "jsonl", `{"team":"A","location":"Berlin","level":"gold","name":"Jos` + "\xe9" + `","email":"j@example.org","role":"developer","experience":">3y"}` + "\n", "not UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := session.ReadRoster(strings.NewReader(tc.in), tc.format)
			if err == nil {
				for _, r := range rows {
					if r.Problem != "" {
						err = errors.New(r.Problem)
					}
				}
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "save it as UTF-8") {
				t.Errorf("error %v, want %q and how to save as UTF-8", err, tc.want)
			}
		})
	}
}
