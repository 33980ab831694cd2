// Package tui holds the screens of charter: the participant's join, write and vote
// screens and the facilitator's home, session form and live board. Screens reach data
// only through session.Service, in tea.Cmds; they import no SQL.
//
// The board is one screen with a tab component each (notes, people, check-in,
// themes); the lists of its tabs share one list component (list.go): selection,
// scrolling, PgUp/PgDn, Home/End, / to search and # to jump to a theme by number.
package tui
