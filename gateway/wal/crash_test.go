package wal

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"testing"
	"time"
)

const (
	crashDirEnv   = "RECONDO_WAL_CRASH_DIR"
	crashStartEnv = "RECONDO_WAL_CRASH_START"
)

// crashOptions roll segments often so that kills also land around rolls.
func crashOptions() Options { return Options{SegmentBytes: 1 << 20} }

// crashPayload is record seq's payload: seq, then filler derived from seq, mostly a few KiB and
// every 8th larger than smallRecord, so that it is written in several write(2) calls.
func crashPayload(seq uint64) []byte {
	n := int(seq*7919) % 20000
	if seq%8 == 0 {
		n = smallRecord + int(seq%1000)
	}
	b := make([]byte, 8, 8+n)
	binary.LittleEndian.PutUint64(b, seq)
	off := int(seq%256) + 8
	return append(b, crashFiller[off:off+n]...) // byte i is byte(seq)+byte(i)
}

// crashFiller[k] == byte(k): payloads are cut from it rather than computed byte by byte, so
// that the child spends its time in write(2), where the kills should land.
var crashFiller = func() []byte {
	b := make([]byte, 256+8+smallRecord+1000)
	for i := range b {
		b[i] = byte(i)
	}
	return b
}()

// TestHelperProcess is the child of TestKill9: it appends records crashPayload(start),
// crashPayload(start+1), ... and prints each seq once Append has returned, until killed.
func TestHelperProcess(t *testing.T) {
	dir := os.Getenv(crashDirEnv)
	if dir == "" {
		t.Skip("the child process of TestKill9")
	}
	start, err := strconv.ParseUint(os.Getenv(crashStartEnv), 10, 64)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bad start:", err)
		os.Exit(2)
	}
	w, err := Open(dir, crashOptions())
	if err != nil {
		fmt.Fprintln(os.Stderr, "open:", err)
		os.Exit(2)
	}
	for seq := start; ; seq++ {
		if _, err := w.Append(crashPayload(seq)); err != nil {
			fmt.Fprintln(os.Stderr, "append:", err)
			os.Exit(2)
		}
		fmt.Fprintf(os.Stdout, "%d\n", seq) // unbuffered: one write(2) per acknowledgement
	}
}

// TestKill9 kills a child that is appending with SIGKILL at random moments, ten times over, and
// checks that the log opens cleanly each time and replays every acknowledged record exactly
// once, in order.
func TestKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns child processes")
	}
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	next := uint64(1)
	var acked, kept uint64
	for round := range 10 {
		acks := runAndKill(t, dir, next, 1+rng.IntN(300), time.Duration(rng.IntN(3000))*time.Microsecond)
		if len(acks) > 0 {
			acked += uint64(len(acks))
			if acks[0] != next || acks[len(acks)-1] != next+uint64(len(acks))-1 {
				t.Fatalf("round %d: child acknowledged %d..%d, want from %d on, consecutively",
					round, acks[0], acks[len(acks)-1], next)
			}
		}
		lastAcked := next + uint64(len(acks)) - 1

		w, err := Open(dir, quiet(crashOptions()))
		if err != nil {
			t.Fatalf("round %d: Open after kill -9: %v", round, err)
		}
		// The log must hold exactly records 1..n, n covering every acknowledgement.
		var n uint64
		err = w.Replay(func(pos Position, payload []byte) error {
			n++
			if want := crashPayload(n); !bytes.Equal(payload, want) {
				return fmt.Errorf("record %d at %v: got %d bytes starting %x, want record %d",
					n, pos, len(payload), payload[:min(8, len(payload))], n)
			}
			return nil
		})
		if err != nil {
			w.Close()
			t.Fatalf("round %d: replay: %v", round, err)
		}
		if n < lastAcked {
			w.Close()
			t.Fatalf("round %d: replayed records 1..%d, but %d was acknowledged", round, n, lastAcked)
		}
		// Appending after the repair must work too; the next child carries on from there.
		if _, err := w.AppendSync(t.Context(), crashPayload(n+1)); err != nil {
			t.Fatalf("round %d: append after reopen: %v", round, err)
		}
		if err := w.Close(); err != nil {
			t.Fatalf("round %d: close: %v", round, err)
		}
		kept, next = n+1, n+2
	}
	t.Logf("10 kills: %d acknowledged records, %d kept in all, %d torn tails cut",
		acked, kept, len(brokenFiles(t, dir)))
}

// runAndKill starts the child appending from start, SIGKILLs it wait after its killAfter-th
// acknowledgement, and returns every acknowledgement it printed.
func runAndKill(t *testing.T, dir string, start uint64, killAfter int, wait time.Duration) []uint64 {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashDirEnv+"="+dir, crashStartEnv+"="+strconv.FormatUint(start, 10))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start child: %v", err)
	}
	var acks []uint64
	var other []string
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		seq, err := strconv.ParseUint(sc.Text(), 10, 64)
		if err != nil {
			other = append(other, sc.Text())
			continue
		}
		acks = append(acks, seq)
		if len(acks) == killAfter {
			time.Sleep(wait)
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatalf("kill child: %v", err)
			}
		}
	}
	err = cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("child ended with %v, not SIGKILL; stdout %q, stderr %s", err, other, stderr.String())
	}
	return acks
}
