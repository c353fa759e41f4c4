package loader

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
)

func TestPrimedKeysAreFetchedInOneCallWhateverTheScheduling(t *testing.T) {
	var calls atomic.Int32
	b := NewBatch(3, func(_ context.Context, keys []int) (map[int]string, error) {
		calls.Add(1)
		out := map[int]string{}
		for _, k := range keys {
			out[k] = fmt.Sprint("v", k)
		}
		return out, nil
	})
	keys := []int{1, 2, 3, 4, 5, 6, 7}
	b.Prime(keys)
	var wg sync.WaitGroup
	for _, k := range keys {
		wg.Go(func() {
			if got, err := b.Load(context.Background(), k); err != nil || got != fmt.Sprint("v", k) {
				t.Errorf("Load(%d) = %q, %v", k, got, err)
			}
		})
	}
	wg.Wait()
	// 7 keys at most 3 per call: 3 calls, however the goroutines ran.
	if got := calls.Load(); got != 3 {
		t.Fatalf("fetch calls = %d, want 3", got)
	}
	if _, err := b.Load(context.Background(), 99); err != nil || calls.Load() != 4 {
		t.Fatalf("unprimed key: calls %d, err %v; want a group of one", calls.Load(), err)
	}
}

func TestPutValuesCostNoFetch(t *testing.T) {
	b := NewBatch(10, func(context.Context, []string) (map[string]int, error) {
		t.Fatal("fetch called for a value put")
		return nil, nil
	})
	b.Put("a", 1)
	b.Prime([]string{"a"}) // already known: priming does not regroup it
	if got, err := b.Load(context.Background(), "a"); got != 1 || err != nil {
		t.Fatalf("Load = %d, %v", got, err)
	}
}

func TestFetchErrorReachesEveryKeyOfTheGroup(t *testing.T) {
	want := fmt.Errorf("database down")
	b := NewBatch(10, func(context.Context, []string) (map[string]int, error) { return nil, want })
	b.Prime([]string{"a", "b"})
	for _, k := range []string{"a", "b"} {
		if _, err := b.Load(context.Background(), k); err != want {
			t.Errorf("Load(%s) err = %v, want %v", k, err, want)
		}
	}
}
