package sse

import (
	"fmt"
	"reflect"
	"testing"
)

// ev is an Event in a comparable form for tables.
type ev struct {
	Type  string
	Data  string
	ID    string
	HasID bool
	Retry int
}

func collect(chunks ...string) (events []ev, p *Parser) {
	p = NewParser(func(e Event) {
		events = append(events, ev{e.Type, string(e.Data), e.ID, e.HasID, e.Retry})
	})
	for _, c := range chunks {
		p.Write([]byte(c))
	}
	p.Close()
	return events, p
}

func TestParserRules(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		want  []ev
		term  bool
		lastI string
	}{
		{"lf", "event: a\ndata: x\n\n", []ev{{"a", "x", "", false, -1}}, true, ""},
		{"crlf", "event: a\r\ndata: x\r\n\r\n", []ev{{"a", "x", "", false, -1}}, true, ""},
		{"cr only", "event: a\rdata: x\r\r", []ev{{"a", "x", "", false, -1}}, true, ""},
		{"mixed endings", "data: 1\r\ndata: 2\rdata: 3\n\r\n", []ev{{"", "1\n2\n3", "", false, -1}}, true, ""},
		{"default type stays empty", "data: x\n\n", []ev{{"", "x", "", false, -1}}, true, ""},
		{"one space stripped", "data:  two\n\n", []ev{{"", " two", "", false, -1}}, true, ""},
		{"no space", "data:x\n\n", []ev{{"", "x", "", false, -1}}, true, ""},
		{"tab kept", "data:\tx\n\n", []ev{{"", "\tx", "", false, -1}}, true, ""},
		{"field without colon", "data\n\n", []ev{{"", "", "", false, -1}}, true, ""},
		{"empty data line", "data:\ndata:\n\n", []ev{{"", "\n", "", false, -1}}, true, ""},
		{"multi-line data", "data: a\ndata: b\ndata: c\n\n", []ev{{"", "a\nb\nc", "", false, -1}}, true, ""},
		{"comments ignored", ": hi\ndata: x\n: mid\n\n", []ev{{"", "x", "", false, -1}}, true, ""},
		{"blank with no data resets type", "event: a\n\ndata: x\n\n", []ev{{"", "x", "", false, -1}}, true, ""},
		{"unknown field ignored", "foo: bar\ndata: x\n\n", []ev{{"", "x", "", false, -1}}, true, ""},
		{"field names are case sensitive", "Data: x\ndata: y\n\n", []ev{{"", "y", "", false, -1}}, true, ""},
		{"last event type wins", "event: a\nevent: b\ndata: x\n\n", []ev{{"b", "x", "", false, -1}}, true, ""},
		{"id persists", "id: 1\ndata: a\n\ndata: b\n\n", []ev{{"", "a", "1", true, -1}, {"", "b", "1", false, -1}}, true, "1"},
		{"id with null ignored", "id: 1\n\nid: a\x00b\ndata: x\n\n", []ev{{"", "x", "1", false, -1}}, true, "1"},
		{"empty id resets", "id: 1\ndata: a\n\nid\ndata: b\n\n", []ev{{"", "a", "1", true, -1}, {"", "b", "", true, -1}}, true, ""},
		{"id on blank-only block still counts", "id: 9\n\n", nil, true, "9"},
		{"retry digits", "retry: 3000\ndata: x\n\n", []ev{{"", "x", "", false, 3000}}, true, ""},
		{"retry non-digits ignored", "retry: 30s\ndata: x\n\nretry: -1\ndata: y\n\nretry:\ndata: z\n\n", []ev{{"", "x", "", false, -1}, {"", "y", "", false, -1}, {"", "z", "", false, -1}}, true, ""},
		{"retry huge clamps", "retry: 99999999999999999999999\ndata: x\n\n", []ev{{"", "x", "", false, maxRetry}}, true, ""},
		{"bom stripped", "\xEF\xBB\xBFdata: x\n\n", []ev{{"", "x", "", false, -1}}, true, ""},
		{"second bom kept", "\xEF\xBB\xBF\xEF\xBB\xBFdata: x\n\ndata: y\n\n", []ev{{"", "y", "", false, -1}}, true, ""},
		{"partial bom is content", "\xEF\xBBdata: x\n\n", nil, true, ""},
		{"unterminated event dispatched at close", "data: x\n\ndata: y\n", []ev{{"", "x", "", false, -1}, {"", "y", "", false, -1}}, false, ""},
		{"unterminated last line dispatched at close", "event: e\ndata: y", []ev{{"e", "y", "", false, -1}}, false, ""},
		{"trailing fields without data", "data: x\n\nevent: e\n", []ev{{"", "x", "", false, -1}}, true, ""},
		{"colon only line is a comment", ":\ndata: x\n\n", []ev{{"", "x", "", false, -1}}, true, ""},
		{"empty stream", "", nil, true, ""},
		{"only bom", "\xEF\xBB\xBF", nil, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, p := collect(tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("events = %+v, want %+v", got, tt.want)
			}
			if p.LastEventTerminated() != tt.term {
				t.Errorf("LastEventTerminated = %v, want %v", p.LastEventTerminated(), tt.term)
			}
			if p.LastEventID() != tt.lastI {
				t.Errorf("LastEventID = %q, want %q", p.LastEventID(), tt.lastI)
			}
		})
	}
}

func TestParserCountsComments(t *testing.T) {
	_, p := collect(": a\n:b\r\n:\rdata: x\n\n")
	if p.Comments() != 3 {
		t.Errorf("Comments = %d, want 3", p.Comments())
	}
}

func TestParserStreamRetry(t *testing.T) {
	_, p := collect("retry: 10\n\nretry: x\n\n")
	if p.Retry() != 10 {
		t.Errorf("Retry = %d, want 10", p.Retry())
	}
	if _, p := collect("data: x\n\n"); p.Retry() != -1 {
		t.Errorf("Retry without field = %d, want -1", p.Retry())
	}
}

func TestCRLFSplitAcrossWritesEndsOneLine(t *testing.T) {
	got, _ := collect("data: a\r", "\ndata: b\r", "\n\r", "\n")
	want := []ev{{"", "a\nb", "", false, -1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("events = %+v, want %+v", got, want)
	}
}

func TestBOMSplitAcrossWrites(t *testing.T) {
	for _, chunks := range [][]string{{"\xEF", "\xBB", "\xBFdata: x\n\n"}, {"\xEF\xBB", "\xBFdata: x\n\n"}, {"\xEF", "\xBB\xBFdata: x\n\n"}} {
		got, _ := collect(chunks...)
		want := []ev{{"", "x", "", false, -1}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: events = %+v, want %+v", chunks, got, want)
		}
	}
}

func TestWriteAfterCloseIgnored(t *testing.T) {
	var n int
	p := NewParser(func(Event) { n++ })
	p.Write([]byte("data: x\n\n"))
	p.Close()
	p.Write([]byte("data: y\n\n"))
	p.Close()
	if n != 1 {
		t.Errorf("events = %d, want 1", n)
	}
}

func TestWriteReportsFullLength(t *testing.T) {
	p := NewParser(nil)
	for _, s := range []string{"", "\xEF", "data: x", "\r", "\n\n"} {
		n, err := p.Write([]byte(s))
		if n != len(s) || err != nil {
			t.Errorf("Write(%q) = %d, %v", s, n, err)
		}
	}
}

func TestParseCopiesData(t *testing.T) {
	events := Parse([]byte("data: a\n\ndata: b\n\n"))
	if len(events) != 2 || string(events[0].Data) != "a" || string(events[1].Data) != "b" {
		t.Errorf("Parse = %+v", events)
	}
}

// chunkings feeds body under every two-way split and byte by byte, and checks each run gives the
// same events, ids and termination as the whole body at once.
func checkChunkings(t *testing.T, body []byte) {
	t.Helper()
	want, wp := collect(string(body))
	same := func(label string, got []ev, p *Parser) {
		t.Helper()
		if !reflect.DeepEqual(got, want) || p.LastEventID() != wp.LastEventID() ||
			p.LastEventTerminated() != wp.LastEventTerminated() || p.Comments() != wp.Comments() || p.Retry() != wp.Retry() {
			t.Fatalf("%s: events differ from whole-body parse:\n got %+v\nwant %+v", label, got, want)
		}
	}
	for i := 0; i <= len(body); i++ {
		got, p := collect(string(body[:i]), string(body[i:]))
		same(fmt.Sprintf("split at %d", i), got, p)
	}
	bytewise := make([]string, len(body))
	for i := range body {
		bytewise[i] = string(body[i : i+1])
	}
	got, p := collect(bytewise...)
	same("byte at a time", got, p)
}

func TestEveryChunkBoundary(t *testing.T) {
	for _, body := range []string{
		"\xEF\xBB\xBFid: 1\r\nevent: a\r\ndata: x\r\n\r\n:c\rdata: y\r\rdata: z\n\ndata: tail",
		"data: a\r\n\r\ndata: b\r\r\ndata: c\n\r\n",
	} {
		checkChunkings(t, []byte(body))
	}
}
