package ingest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/recondo/recondo/data/objects"
	"github.com/recondo/recondo/data/write"
	"github.com/recondo/recondo/data/write/objectwriter"
	"github.com/recondo/recondo/gateway/capture"
	"github.com/recondo/recondo/gateway/wal"
)

// Pipeline is the capture sink: Commit appends to the WAL and queues; Run ingests.
type Pipeline struct {
	wal         *wal.WAL
	objects     objectwriter.Writer
	db          write.Writer
	analyzer    Analyzer
	capturesDir string
	log         *slog.Logger
	queue       chan item
	// commitMu makes append-then-enqueue atomic, so the queue is in WAL order: releasing the
	// WAL up to an ingested record is then safe.
	commitMu sync.Mutex
	// dropped counts records appended but not queued (queue full); Run replays the WAL for them
	// and releases nothing until it has.
	dropped  atomic.Int64
	stats    Stats
	ingestMu sync.Mutex // one ingestion at a time keeps turns in WAL order
}

type item struct {
	pos wal.Position
	rec *capture.Record
}

// Stats count what the pipeline did, for metrics and tests.
type Stats struct {
	Committed, Ingested, Replayed, Skipped, Failures, Backlogged atomic.Int64
}

// Config wires a Pipeline.
type Config struct {
	WAL         *wal.WAL
	Objects     objectwriter.Writer
	DB          write.Writer
	Analyzer    Analyzer
	CapturesDir string
	Log         *slog.Logger
	QueueLen    int
}

// New returns a pipeline; call Recover, then run Run in a goroutine.
func New(cfg Config) (*Pipeline, error) {
	if err := os.MkdirAll(cfg.CapturesDir, 0o700); err != nil {
		return nil, fmt.Errorf("ingest: captures dir: %w", err)
	}
	if cfg.QueueLen <= 0 {
		cfg.QueueLen = 4096
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	return &Pipeline{
		wal: cfg.WAL, objects: cfg.Objects, db: cfg.DB, analyzer: cfg.Analyzer,
		capturesDir: cfg.CapturesDir, log: cfg.Log, queue: make(chan item, cfg.QueueLen),
	}, nil
}

// Stats returns the pipeline's counters.
func (p *Pipeline) Stats() *Stats { return &p.stats }

// Commit appends the record to the WAL (a write(2): it survives a kill -9 of the gateway from
// here on) and queues it for ingestion. It never waits for the database. A full queue is not an
// error: the record is in the WAL and Run picks it up from there.
func (p *Pipeline) Commit(rec *capture.Record) error {
	payload, err := rec.Marshal()
	if err != nil {
		return err
	}
	p.commitMu.Lock()
	defer p.commitMu.Unlock()
	pos, err := p.wal.Append(payload)
	if err != nil {
		return fmt.Errorf("capture %s: write-ahead log: %w", rec.Meta.ID, err)
	}
	p.stats.Committed.Add(1)
	select {
	case p.queue <- item{pos: pos, rec: rec}:
	default:
		p.stats.Backlogged.Add(1)
		p.dropped.Add(1)
	}
	return nil
}

// Recover ingests every WAL record the database lacks (after a crash or a database outage) and
// releases the WAL up to its end. Run it before serving.
func (p *Pipeline) Recover(ctx context.Context) error {
	var last wal.Position
	var seen bool
	err := p.wal.Replay(func(pos wal.Position, payload []byte) error {
		rec, err := capture.Unmarshal(payload)
		if err != nil {
			return fmt.Errorf("wal record at %v: %w", pos, err)
		}
		done, err := p.db.HasTurn(ctx, rec.Meta.ID)
		if err != nil {
			return err
		}
		if !done {
			if err := p.ingest(ctx, rec); err != nil {
				return err
			}
			p.stats.Replayed.Add(1)
		}
		last, seen = pos, true
		return nil
	})
	if err != nil {
		return fmt.Errorf("ingest: recover: %w", err)
	}
	if seen {
		return p.wal.Release(last)
	}
	return nil
}

// Run ingests queued records until ctx ends, retrying a failing database with backoff (the
// proxy keeps serving meanwhile; records wait in the WAL).
func (p *Pipeline) Run(ctx context.Context) {
	recovered := int64(0) // dropped records covered by the last Recover
	for {
		if d := p.dropped.Load(); d != recovered {
			p.drainQueue()
			p.retry(ctx, "backlog", p.Recover)
			recovered = d
		}
		select {
		case <-ctx.Done():
			return
		case it := <-p.queue:
			p.retry(ctx, it.rec.Meta.ID, func(ctx context.Context) error {
				done, err := p.db.HasTurn(ctx, it.rec.Meta.ID)
				if err != nil || done {
					return err
				}
				return p.ingest(ctx, it.rec)
			})
			// Everything before it.pos is ingested unless a record was dropped since the last
			// replay (it may lie before it.pos): then the next Recover releases instead.
			if p.dropped.Load() == recovered {
				if err := p.wal.Release(it.pos); err != nil {
					p.log.Error("release WAL", "err", err)
				}
			}
		case <-time.After(500 * time.Millisecond):
		}
	}
}

// drainQueue empties the queue: Recover, about to run, replays everything from the WAL anyway.
func (p *Pipeline) drainQueue() {
	for {
		select {
		case <-p.queue:
		default:
			return
		}
	}
}

func (p *Pipeline) retry(ctx context.Context, what string, f func(context.Context) error) {
	backoff := 100 * time.Millisecond
	for {
		err := f(ctx)
		if err == nil || ctx.Err() != nil {
			return
		}
		p.stats.Failures.Add(1)
		p.log.Error("ingest failed; will retry", "capture", what, "err", err, "retry_in", backoff)
		select {
		case <-ctx.Done():
			return
		case <-time.After(backoff):
		}
		backoff = min(backoff*2, 10*time.Second)
	}
}

// ingest stores one record: objects first (so a turn never names a missing object), then the
// metadata file, then the database row, then the spill files go.
func (p *Pipeline) ingest(ctx context.Context, rec *capture.Record) error {
	p.ingestMu.Lock()
	defer p.ingestMu.Unlock()
	m := rec.Meta
	if m.BodyLost == "" {
		if err := p.put(ctx, objects.Request, m.RequestSHA256, rec.Request, m.RequestSpill); err != nil {
			return err
		}
		if err := p.put(ctx, objects.Response, m.ResponseSHA256, rec.Response, m.ResponseSpill); err != nil {
			return err
		}
	}
	if _, err := writeMetadata(p.capturesDir, m); err != nil {
		return err
	}
	x, err := p.analyzer.Analyze(ctx, rec)
	if err != nil {
		return fmt.Errorf("analyze %s: %w", m.ID, err)
	}
	if _, err := p.db.Write(ctx, x); err != nil {
		return err
	}
	for _, f := range []string{m.RequestSpill, m.ResponseSpill} {
		if f != "" {
			_ = os.Remove(f)
		}
	}
	p.stats.Ingested.Add(1)
	return nil
}

func (p *Pipeline) put(ctx context.Context, kind objects.Kind, hash string, inline []byte, spill string) error {
	var r io.Reader = bytes.NewReader(inline)
	if spill != "" {
		f, err := os.Open(spill)
		if err != nil {
			return fmt.Errorf("open spilled body %s: %w", spill, err)
		}
		defer f.Close()
		r = f
	}
	if _, err := p.objects.PutVerified(context.WithoutCancel(ctx), kind, hash, r); err != nil {
		return fmt.Errorf("store %s object %s: %w", kind, hash, err)
	}
	return nil
}
