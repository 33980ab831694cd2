package server

import (
	"io"
	"reflect"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// frameOutput is where a program's frames are written: the session's SSH channel
// itself. Written to the session, every frame went through charmbracelet/ssh's
// emulated pty, which turns each "\n" into "\r\n" with two bytes.Replace, copying
// the whole frame twice: a sixth of what the server allocated while 300 people
// saved notes at once. Frames (tui) never writes a bare "\n" (its lines are cut at
// them and joined with "\r\n" or cursor moves), so the copies changed nothing.
// The channel is the session's embedded gossh.Channel, which the library does not
// hand out; when it cannot be found (another version of the library), the session
// is the output, as before.
func frameOutput(sess ssh.Session) io.Writer {
	v := reflect.ValueOf(sess)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return sess
	}
	f := v.Elem().FieldByName("Channel")
	if !f.IsValid() || !f.CanInterface() {
		return sess
	}
	ch, ok := f.Interface().(gossh.Channel)
	if !ok || ch == nil {
		return sess
	}
	return ch
}
