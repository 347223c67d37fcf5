package binder

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/jung-kurt/gofpdf"
)

// outputWithLanguage writes pdf to w with the document's language in its
// catalog, which gofpdf has no call for, so that screen readers and
// search read it as English. The cross-reference table is moved along.
func outputWithLanguage(pdf *gofpdf.Fpdf, w io.Writer, lang string) error {
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return err
	}
	out, err := addLanguage(buf.Bytes(), lang)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// addLanguage inserts /Lang into the catalog of a PDF that gofpdf wrote
// and shifts every offset after it in the cross-reference table.
func addLanguage(doc []byte, lang string) ([]byte, error) {
	const catalog = "/Type /Catalog"
	at := bytes.Index(doc, []byte(catalog))
	xref := bytes.LastIndex(doc, []byte("\nxref\n"))
	if at < 0 || xref < at {
		return nil, errors.New("the PDF has no catalog where one was expected")
	}
	at += len(catalog)
	insert := []byte("\n/Lang (" + lang + ")")
	delta := len(insert)
	out := make([]byte, 0, len(doc)+delta)
	out = append(out, doc[:at]...)
	out = append(out, insert...)
	out = append(out, doc[at:xref+len("\nxref\n")]...)
	rest := doc[xref+len("\nxref\n"):]
	// "0 N\n", then N lines "oooooooooo ggggg n \n", then the trailer.
	nl := bytes.IndexByte(rest, '\n')
	var first, count int
	if nl < 0 {
		return nil, errors.New("the PDF's cross-reference table is unreadable")
	}
	if _, err := fmt.Sscanf(string(rest[:nl]), "%d %d", &first, &count); err != nil {
		return nil, fmt.Errorf("the PDF's cross-reference table is unreadable: %w", err)
	}
	out = append(out, rest[:nl+1]...)
	rest = rest[nl+1:]
	for i := 0; i < count; i++ {
		if len(rest) < 20 {
			return nil, errors.New("the PDF's cross-reference table is cut short")
		}
		line := rest[:20]
		if line[17] == 'n' {
			off, err := strconv.Atoi(string(line[:10]))
			if err != nil {
				return nil, fmt.Errorf("the PDF's cross-reference table is unreadable: %w", err)
			}
			if off > at {
				off += delta
			}
			out = append(out, fmt.Sprintf("%010d", off)...)
			out = append(out, line[10:]...)
		} else {
			out = append(out, line...)
		}
		rest = rest[20:]
	}
	sx := bytes.LastIndex(rest, []byte("startxref\n"))
	if sx < 0 {
		return nil, errors.New("the PDF has no startxref")
	}
	out = append(out, rest[:sx+len("startxref\n")]...)
	tail := rest[sx+len("startxref\n"):]
	end := bytes.IndexByte(tail, '\n')
	if end < 0 {
		return nil, errors.New("the PDF's startxref is unreadable")
	}
	out = append(out, strconv.Itoa(xref+1+delta)...)
	return append(out, tail[end:]...), nil
}
