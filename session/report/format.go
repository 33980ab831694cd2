package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// Formats are the formats a document can be written in.
var Formats = []string{"md", "json", "csv", "html"}

// Document is a findings document that can be written in every format.
type Document interface {
	WriteMarkdown(io.Writer) error
	WriteJSON(io.Writer) error
	WriteCSV(io.Writer) error
	WriteHTML(io.Writer) error
}

// ValidFormat checks a format name, saying which there are when it is unknown.
func ValidFormat(format string) error {
	for _, f := range Formats {
		if f == format {
			return nil
		}
	}
	return fmt.Errorf("unknown format %q; use %s", format, strings.Join(Formats, ", "))
}

// Render writes doc in format into memory, so that a failure leaves no partial
// output anywhere.
func Render(doc Document, format string) ([]byte, error) {
	var b bytes.Buffer
	var err error
	switch format {
	case "md":
		err = doc.WriteMarkdown(&b)
	case "json":
		err = doc.WriteJSON(&b)
	case "csv":
		err = doc.WriteCSV(&b)
	case "html":
		err = doc.WriteHTML(&b)
	default:
		return nil, ValidFormat(format)
	}
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", format, err)
	}
	return b.Bytes(), nil
}
