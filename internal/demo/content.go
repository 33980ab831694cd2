package demo

import "github.com/charter-tool/charter/session"

// What the sample campaign holds, written for the demo: three sessions of a
// security program's chartering round. The people are made up.

type sessionSpec struct {
	title, location, date string
	audience              session.Audience
	mode                  session.Mode
	people                []person
	notes                 []note
	themes                []themeSpec
	// votes are the themes (by key) each person gives a dot to, in people's order.
	votes   [][]string
	actions []actionSpec
	// final is the phase the session is left in: closed, actions or write.
	final session.Phase
	// done are the people who said they are done writing (write phase only).
	done []int
	// later are the notes the simulated participants add while the demo runs.
	later []note
}

type person struct {
	name    string // empty: anonymous
	rating  int
	profile session.Profile
}

type note struct {
	who                         int
	area                        session.Area
	lane, activity, text, theme string
}

func (n note) note() session.Note {
	return session.Note{Area: n.area, Lane: n.lane, Activity: n.activity, Text: n.text}
}

type themeSpec struct{ key, label string }

type actionSpec struct {
	theme, title, owner string
	priority            int
	status              session.ActionStatus
	volunteers          []int
}

// volunteerContacts are the names the sample's volunteers give, in turn: a contact
// of their choosing, not the name they joined with (see session.Service.Volunteer).
var volunteerContacts = []string{
	"Sam (sam.k@example.org)",
	"platform-guild@example.org",
	"Rui, ops on-call",
	"Noor (#appsec-help)",
	"kit@example.org",
}

// Short names for the areas, to keep the tables below readable.
const (
	conf = session.AreaConfidence
	acts = session.AreaActivities
	moti = session.AreaMotivation
	open = session.AreaOpen
)

var sessions = []sessionSpec{
	{
		title: "Developers Berlin", location: "Berlin", date: "2026-02-10",
		audience: session.AudienceDevelopers, mode: session.ModeInPerson, final: session.PhaseClosed,
		people: []person{
			// Three answered alike and three otherwise: the report shows a
			// profile's figures only for groups of three or more in a session.
			{"Ana", 4, session.Profile{Tenure: "1-3y", Appointment: "volunteered", Level: "silver"}},
			{"Ben", 3, session.Profile{Tenure: "<1y", Appointment: "appointed", Level: "bronze"}},
			{"", 2, session.Profile{Tenure: "1-3y", Appointment: "volunteered", Level: "silver"}},
			{"Dara", 4, session.Profile{Tenure: "1-3y", Appointment: "volunteered", Level: "silver"}},
			{"", 3, session.Profile{}},
			{"Femi", 3, session.Profile{Tenure: "<1y", Appointment: "appointed", Level: "bronze"}},
		},
		notes: []note{
			{0, conf, "strength", "", "Every pull request gets a second pair of eyes before it is merged.", "review"},
			{3, conf, "strength", "", "Dependency scanning runs in every pipeline and blocks critical findings.", "scanning"},
			{1, conf, "concern", "", "Nobody on the team owns dependency updates; they wait for months.", "ownership"},
			{2, conf, "concern", "", "Deadlines always win over security tasks in planning.", "time"},
			{4, conf, "concern", "", "We do not know which services hold personal data.", "ownership"},
			{0, acts, "keep", "security champions", "Keep the champions' monthly meeting; it is where I learn the most.", "guild"},
			{5, acts, "keep", "dependency scanning", "Keep the scanner in the pipeline, it caught two bad libraries this year.", "scanning"},
			{2, acts, "less", "code scanning (SAST)", "Fewer scanner findings that turn out to be false positives.", "noise"},
			{1, acts, "less", "security training", "Less of the same yearly slide deck.", "training"},
			{3, acts, "more", "threat modelling", "More threat modelling early in a project, not a week before release.", "threat"},
			{4, acts, "more", "secure code review", "Pair reviews with a security engineer on risky changes.", "review"},
			{5, acts, "add", "bug bounty", "A small bug bounty for our public API.", "threat"},
			{0, acts, "add", "security training", "Hands-on hacking evenings instead of e-learning.", "training"},
			{1, moti, "motivates", "", "Seeing a finding fixed within a day because we had the context.", "scanning"},
			{3, moti, "motivates", "", "Kudos in the all-hands when a team closes its old findings.", "guild"},
			{2, moti, "demotivates", "", "Scanner noise that nobody triages makes me ignore all of it.", "noise"},
			{4, moti, "demotivates", "", "Security work never shows up in our sprint goals.", "time"},
			{5, open, "Onboarding", "", "New developers get no security introduction in their first weeks.", "training"},
			{2, open, "Onboarding", "", "A checklist for new services: logging, secrets, dependencies.", "ownership"},
		},
		themes: []themeSpec{
			{"noise", "Scanner noise drowns real findings"},
			{"ownership", "Nobody owns dependencies and data inventory"},
			{"time", "Security loses against deadlines"},
			{"training", "Training: hands-on, and from day one"},
			{"threat", "Threat modelling and testing earlier"},
			{"review", "Reviews with security in mind"},
			{"scanning", "Pipeline scanning works"},
			{"guild", "Champions and recognition"},
		},
		votes: [][]string{
			{"noise", "time", "training"}, {"ownership", "ownership", "noise"}, {"noise", "time", "threat"},
			{"threat", "training", "guild"}, {"ownership", "noise", "time"}, {"training", "noise", "ownership"},
		},
		actions: []actionSpec{
			{"noise", "Tune the SAST rules with each team and drop the noisiest ones", "AppSec team", session.PriorityHigh, session.ActionAccepted, []int{2}},
			{"ownership", "Name an owner for dependency updates in every team", "Engineering managers", session.PriorityHigh, session.ActionInProgress, []int{1, 4}},
			{"time", "Reserve a share of every sprint for security work", "Product leads", session.PriorityMedium, session.ActionProposed, nil},
			{"training", "Replace the yearly slides with two hands-on evenings", "Security guild", session.PriorityMedium, session.ActionAccepted, []int{0}},
		},
	},
	{
		title: "Service owners Lisbon", location: "Lisbon", date: "2026-02-24",
		audience: session.AudienceServiceOwners, mode: session.ModeOnline, final: session.PhaseActions,
		people: []person{
			{"Gil", 3, session.Profile{Tenure: ">3y", Appointment: "appointed", Level: "gold"}},
			{"", 2, session.Profile{Tenure: "1-3y", Appointment: "appointed", Level: "silver"}},
			{"Inês", 4, session.Profile{Tenure: ">3y", Appointment: "volunteered", Level: "gold"}},
			{"Jo", 2, session.Profile{Tenure: "<1y", Appointment: "appointed", Level: "bronze"}},
			{"", 3, session.Profile{Tenure: "1-3y", Appointment: "volunteered", Level: "silver"}},
		},
		notes: []note{
			{0, conf, "strength", "", "Our incident handling works: we practised it twice this year.", "incident"},
			{2, conf, "strength", "", "Pen test reports arrive with a call to explain the findings.", "pentest"},
			{1, conf, "concern", "", "We have services nobody remembers who owns.", "ownership"},
			{3, conf, "concern", "", "Roadmaps leave no room for fixing old findings.", "time"},
			{0, acts, "keep", "pen testing", "Keep the yearly pen test of internet-facing services.", "pentest"},
			{4, acts, "keep", "incident handling", "Keep the incident drills; they made the real one calm.", "incident"},
			{1, acts, "add", "self-assessment", "A short self-assessment per service, once a quarter.", "ownership"},
			{3, acts, "add", "threat modelling", "Threat modelling templates for service owners, not only for developers.", "threat"},
			{2, acts, "less", "pen testing", "Less pen testing of internal tools nobody can reach.", "pentest"},
			{4, acts, "more", "security champions", "More champions in operations teams, not only in development.", "guild"},
			{0, moti, "motivates", "", "When the program explains why a rule exists, I follow it gladly.", "guild"},
			{2, moti, "demotivates", "", "Findings dumped into our backlog without any context.", "time"},
			{3, moti, "demotivates", "", "Scanner findings for libraries we do not even ship.", "noise"},
			{1, open, "Budget", "", "Security tools are paid from each team's budget, so nobody buys them.", "time"},
			{4, open, "Budget", "", "A shared budget for security tools across service owners.", "time"},
		},
		themes: []themeSpec{
			{"ownership", "Services without an owner"},
			{"time", "No room on the roadmap, no budget"},
			{"pentest", "Pen testing where it counts"},
			{"incident", "Incident drills pay off"},
			{"threat", "Threat modelling for service owners"},
			{"guild", "Champions in operations"},
			{"noise", "Findings without context"},
		},
		votes: [][]string{
			{"ownership", "time", "time"}, {"ownership", "ownership", "threat"}, {"time", "pentest", "guild"},
			{"noise", "time", "ownership"}, {"threat", "guild", "time"},
		},
		actions: []actionSpec{
			{"ownership", "Every service in the catalogue gets a named owner by the end of Q2", "Platform team", session.PriorityHigh, session.ActionAccepted, []int{1}},
			{"time", "Propose a shared security tool budget to the CTO", "Head of operations", session.PriorityMedium, session.ActionProposed, []int{4}},
			{"threat", "Write a one-page threat modelling template for service owners", "AppSec team", session.PriorityLow, session.ActionProposed, nil},
		},
	},
	{
		title: "Security engineers Amsterdam", location: "Amsterdam", date: "2026-03-10",
		audience: session.AudienceSecurityEngineers, mode: session.ModeInPerson, final: session.PhaseWrite,
		people: []person{
			{"Kai", 4, session.Profile{Tenure: ">3y", Appointment: "volunteered", Level: "platinum"}},
			{"", 3, session.Profile{Tenure: "1-3y", Appointment: "appointed", Level: "gold"}},
			{"Lena", 3, session.Profile{Tenure: "<1y", Appointment: "appointed", Level: "silver"}},
			{"Mo", 4, session.Profile{Tenure: "1-3y", Appointment: "volunteered", Level: "gold"}},
			{"", 2, session.Profile{}},
		},
		notes: []note{
			{0, conf, "strength", "", "The champions network reaches almost every team now.", ""},
			{1, conf, "concern", "", "Too many tools, each with its own dashboard.", ""},
			{2, acts, "keep", "security guild", "Keep the guild's open office hours.", ""},
			{3, moti, "motivates", "", "Developers who ask for a threat model on their own.", ""},
		},
		done: []int{0},
		later: []note{
			{1, acts, "less", "code scanning (SAST)", "Fewer overlapping scanners; pick one per language.", ""},
			{2, conf, "concern", "", "We learn about incidents from the news before our own alerts.", ""},
			{3, acts, "more", "threat modelling", "More threat modelling sessions run by the teams themselves.", ""},
			{4, moti, "demotivates", "", "Being seen as the team that says no.", ""},
			{0, open, "Metrics", "", "Measure time to fix, not the number of findings.", ""},
			{1, acts, "add", "bug bounty", "A private bug bounty before going public.", ""},
			{2, moti, "motivates", "", "Pairing with developers on a real fix.", ""},
			{3, conf, "strength", "", "Secrets scanning stopped three leaked keys last month.", ""},
			{4, acts, "keep", "incident handling", "Keep the blameless post-mortems.", ""},
			{0, acts, "more", "security training", "More training on cloud permissions.", ""},
			{1, open, "Metrics", "", "A maturity score per team that teams can improve themselves.", ""},
			{2, conf, "concern", "", "Our on-call rota for security is two people.", ""},
			{3, moti, "demotivates", "", "Audits that ask for screenshots of settings.", ""},
			{4, acts, "add", "self-assessment", "A self-assessment that takes ten minutes, not a day.", ""},
			{0, open, "Hiring", "", "We need one more engineer for cloud security.", ""},
			{1, acts, "less", "pen testing", "Less pen testing of the same login page every year.", ""},
			{2, acts, "more", "security champions", "More time for champions: half a day a month.", ""},
			{3, conf, "strength", "", "Leadership backs us when we stop a risky release.", ""},
			{4, moti, "motivates", "", "Thank-you notes from teams after an incident.", ""},
			{0, acts, "keep", "threat modelling", "Keep threat modelling light: one hour, one whiteboard.", ""},
		},
	},
}

// hypothesisSpec is one of the program's hypotheses about the campaign, with the
// verdict a person gave it (none: left for the newcomer to give with v).
type hypothesisSpec struct {
	text    string
	verdict session.Verdict
	why     string
}

// hypotheses are what the program team stated before the sample campaign: one the
// sessions supported, one they did not, one still waiting for a verdict.
var hypotheses = []hypothesisSpec{
	{"Deadlines push security work out of the teams' planning", session.VerdictSupported,
		"Raised in two audiences; first in the ranking."},
	{"Teams trust the code scanning results they get", session.VerdictNotSupported,
		"Developers ask to drop the noisiest rules."},
	{"Teams want hands-on security training instead of slides", session.VerdictNone, ""},
}
