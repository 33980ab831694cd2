// Package tui holds the screens of charter: the participant's join, write and vote
// screens and the facilitator's home, session form and live board. Screens reach data
// only through session.Service, in tea.Cmds; they import no SQL.
package tui
