package openai

import (
	"bytes"
	"cmp"
	"slices"
)

// respItem is one output item of a Responses reply, assembled from its stream events and
// from the item objects that output_item.added/.done and the final response carry.
type respItem struct {
	out                   int64 // output_index
	id, typ, callID, name string
	// args holds the argument (or custom tool input) fragments of a stream; whole holds
	// the text the .done event or an item object sent whole, used when no fragment came.
	args, whole       []byte
	hasArgs, hasWhole bool
	action            []byte // local_shell_call's action object, as sent
	content, summary  []textPart
	reasoning         []textPart // reasoning_text (raw reasoning, where a model exposes it)
	argsDiffer        bool       // the .done text differs from the fragments
}

// textPart is one indexed piece of text: a message content part or a summary part.
type textPart struct {
	idx   int64
	text  []byte
	delta bool // filled by deltas, which whole texts then do not overwrite
}

// isCall reports whether the item is a call the client has to run.
func (it *respItem) isCall() bool {
	switch it.typ {
	case "function_call", "custom_tool_call", "local_shell_call":
		return true
	}
	return false
}

// part returns the part with index idx, adding it if needed.
func part(parts *[]textPart, idx int64) *textPart {
	for i := range *parts {
		if (*parts)[i].idx == idx {
			return &(*parts)[i]
		}
	}
	*parts = append(*parts, textPart{idx: idx})
	return &(*parts)[len(*parts)-1]
}

// appendDelta adds a streamed fragment to part idx.
func appendDelta(parts *[]textPart, idx int64, delta []byte) {
	p := part(parts, idx)
	p.text = append(p.text, delta...)
	p.delta = true
}

// setWhole records a part's whole text unless deltas already built it: deltas are what
// crossed the wire first, and a whole text only fills gaps (a relay that drops deltas).
func setWhole(parts *[]textPart, idx int64, text []byte) {
	p := part(parts, idx)
	if !p.delta {
		p.text = append(p.text[:0], text...)
	}
}

// addArgs adds an argument fragment.
func (it *respItem) addArgs(delta []byte) {
	it.args = append(it.args, delta...)
	it.hasArgs = true
}

// setWholeArgs records arguments sent whole (a .done event or an item object). The .done
// text must equal the fragments; when it does not, the fragments are still what is kept
// as ArgumentsRaw and the difference is reported.
func (it *respItem) setWholeArgs(text []byte, fromDone bool) {
	if it.hasArgs && fromDone && !bytes.Equal(text, it.args) {
		it.argsDiffer = true
	}
	// An item object's arguments are "" until the call is done: never let that empty
	// placeholder replace a text already known.
	if len(text) > 0 || !it.hasWhole {
		it.whole = append(it.whole[:0], text...)
		it.hasWhole = true
	}
}

// arguments returns the call's argument text and whether there is any.
func (it *respItem) arguments() ([]byte, bool) {
	if it.hasArgs {
		return it.args, true
	}
	return it.whole, it.hasWhole
}

// joined concatenates parts in index order with sep between non-empty ones.
func joined(parts []textPart, sep string) []byte {
	slices.SortStableFunc(parts, func(a, b textPart) int { return cmp.Compare(a.idx, b.idx) })
	var out []byte
	for _, p := range parts {
		if len(p.text) == 0 {
			continue
		}
		if len(out) > 0 {
			out = append(out, sep...)
		}
		out = append(out, p.text...)
	}
	return out
}
