package main

import (
	"fmt"
	"io"
	"os"
)

// The bounds of what import and cluster read, so that a wrong file (or /dev/zero)
// gets a message instead of using up the machine's memory. A note is at most a few
// hundred characters; the largest campaign seen had some thousands of notes.
const (
	maxInputFile  = 64 << 20 // a whole file
	maxInputLine  = 1 << 20  // a JSONL line or a CSV row
	maxInputField = 16 << 10 // one field of a row
)

var (
	errFileTooLarge = fmt.Errorf("the file is larger than %s, the most charter reads", byteSize(maxInputFile))
	errRowTooLong   = fmt.Errorf("a row is longer than %s, the most one row may hold", byteSize(maxInputLine))
)

// lineTooLong is the error for a line over maxInputLine, with its number.
func lineTooLong(line int) error {
	return fmt.Errorf("line %d is longer than %s, the most one line may hold", line, byteSize(maxInputLine))
}

// fieldTooLong is the problem of a field over maxInputField.
func fieldTooLong(name string) string {
	return fmt.Sprintf("%s is longer than %s, the most one field may hold", name, byteSize(maxInputField))
}

// byteSize says n in the largest binary unit it reaches, with one decimal cut (not
// rounded) when the figure is not whole, so that free space is never overstated.
func byteSize(n uint64) string {
	units := []string{"bytes", "KiB", "MiB", "GiB", "TiB"}
	i := 0
	for i < len(units)-1 && n >= 1<<(10*(i+1)) {
		i++
	}
	unit := uint64(1) << (10 * i)
	if n == 1 {
		return "1 byte"
	}
	if n%unit == 0 {
		return fmt.Sprintf("%d %s", n/unit, units[i])
	}
	return fmt.Sprintf("%d.%d %s", n/unit, n%unit*10/unit, units[i])
}

// openInput opens the file at path for import or cluster. A regular file over
// maxInputFile is refused before anything is read; what cannot be sized (a pipe, a
// device) is bounded as it is read, by boundedReader.
func openInput(path string) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > maxInputFile {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, errFileTooLarge)
	}
	return f, nil
}

// boundedReader fails with errFileTooLarge once more than maxInputFile bytes were
// read, and with errRowTooLong once it has handed out more than maxInputLine bytes
// (plus what a reader buffers ahead) past rowStart, the end of the last whole row.
type boundedReader struct {
	r        io.Reader
	read     int64
	rowStart func() int64 // nil: rows are bounded elsewhere
}

// readAhead is more than encoding/csv's bufio reader holds beyond a row.
const readAhead = 64 << 10

func (b *boundedReader) Read(p []byte) (int, error) {
	if b.read > maxInputFile {
		return 0, errFileTooLarge
	}
	if b.rowStart != nil && b.read-b.rowStart() > maxInputLine+readAhead {
		return 0, errRowTooLong
	}
	if max := int64(maxInputFile) + 1 - b.read; int64(len(p)) > max {
		p = p[:max]
	}
	n, err := b.r.Read(p)
	b.read += int64(n)
	if b.read > maxInputFile {
		return n, errFileTooLarge
	}
	return n, err
}
