package bench

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"runtime/debug"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sievekyc/sieve/engine"
	"github.com/sievekyc/sieve/lists"
)

// PerfOptions configure a performance run. Zero values mean defaults.
type PerfOptions struct {
	// Queries is how many queries the latency run makes (2,000).
	Queries int `json:"queries"`
	// Duration is how long the throughput run lasts (3 s).
	Duration time.Duration `json:"duration_ns"`
	// Workers is the number of goroutines of the throughput run (GOMAXPROCS).
	Workers int `json:"workers"`
	// Seed makes the query workload reproducible (1).
	Seed uint64 `json:"seed"`
}

// PerfReport is what a performance run measured.
type PerfReport struct {
	Label        string        `json:"label"`
	Lists        int           `json:"lists"`
	Entities     int           `json:"entities"`
	Names        int           `json:"names"`
	BuildTime    time.Duration `json:"build_ns"`
	HeapAfter    uint64        `json:"heap_bytes"`
	RSS          uint64        `json:"rss_bytes"`
	P50          time.Duration `json:"latency_p50_ns"`
	P99          time.Duration `json:"latency_p99_ns"`
	Max          time.Duration `json:"latency_max_ns"`
	AllocsPerOp  float64       `json:"allocs_per_screen"`
	BytesPerOp   float64       `json:"bytes_per_screen"`
	Throughput   float64       `json:"screens_per_second"`
	Workers      int           `json:"workers"`
	MatchedShare float64       `json:"matched_share"`
}

// Workload returns n screening queries drawn from the lists' names:
// a third verbatim, a third with one or two typos, a third with tokens
// reordered or a token dropped, deterministic for a seed.
func Workload(ls []*lists.List, n int, seed uint64) []engine.Query {
	var names []string
	for _, l := range ls {
		for i := range l.Entities {
			for _, nm := range l.Entities[i].Names {
				if nm.Script == "Latn" {
					names = append(names, nm.Full)
				}
			}
		}
	}
	if len(names) == 0 {
		return nil
	}
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	qs := make([]engine.Query, n)
	for i := range qs {
		name := names[r.IntN(len(names))]
		switch i % 3 {
		case 1:
			name = Typo(r, name, 1+r.IntN(2))
		case 2:
			name = Reorder(r, name)
		}
		qs[i] = engine.Query{Name: name}
	}
	return qs
}

// Measure builds an engine over ls and measures build time, memory,
// single-goroutine latency, allocations per screen and multi-core
// throughput.
func Measure(ctx context.Context, label string, ls []*lists.List, o PerfOptions) (*PerfReport, error) {
	if o.Queries == 0 {
		o.Queries = 2000
	}
	if o.Duration == 0 {
		o.Duration = 3 * time.Second
	}
	if o.Workers == 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	rep := &PerfReport{Label: label, Lists: len(ls), Workers: o.Workers}
	e, err := engine.New(engine.Options{})
	if err != nil {
		return nil, err
	}
	runtime.GC()
	start := time.Now()
	if err := e.Reload(ctx, ls...); err != nil {
		return nil, err
	}
	rep.BuildTime = time.Since(start)
	st := e.Stats()
	rep.Entities, rep.Names = st.Entities, st.Names
	runtime.GC()
	debug.FreeOSMemory()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	rep.HeapAfter = ms.HeapAlloc
	rep.RSS = residentSetSize()

	qs := Workload(ls, o.Queries, o.Seed)
	if len(qs) == 0 {
		return nil, fmt.Errorf("bench: no Latin-script names to draw queries from")
	}
	// Warm up the pools.
	for _, q := range qs[:min(100, len(qs))] {
		if _, err := e.Screen(ctx, q); err != nil {
			return nil, err
		}
	}
	lat := make([]time.Duration, len(qs))
	matched := 0
	runtime.ReadMemStats(&ms)
	mallocs, bytes := ms.Mallocs, ms.TotalAlloc
	for i, q := range qs {
		t := time.Now()
		res, err := e.Screen(ctx, q)
		lat[i] = time.Since(t)
		if err != nil {
			return nil, err
		}
		if res.Matched {
			matched++
		}
	}
	runtime.ReadMemStats(&ms)
	rep.AllocsPerOp = float64(ms.Mallocs-mallocs) / float64(len(qs))
	rep.BytesPerOp = float64(ms.TotalAlloc-bytes) / float64(len(qs))
	rep.MatchedShare = float64(matched) / float64(len(qs))
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	rep.P50, rep.P99, rep.Max = percentile(lat, 0.5), percentile(lat, 0.99), lat[len(lat)-1]
	if r := residentSetSize(); r > rep.RSS {
		rep.RSS = r
	}

	var count atomic.Int64
	deadline := time.Now().Add(o.Duration)
	var wg sync.WaitGroup
	for w := range o.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; time.Now().Before(deadline); i += o.Workers {
				if _, err := e.Screen(ctx, qs[i%len(qs)]); err != nil {
					return
				}
				count.Add(1)
			}
		}()
	}
	tStart := time.Now()
	wg.Wait()
	rep.Throughput = float64(count.Load()) / time.Since(tStart).Seconds()
	return rep, ctx.Err()
}

// WriteText prints the report.
func (r *PerfReport) WriteText(w io.Writer) {
	fmt.Fprintf(w, "%s: %d lists, %d entities, %d names\n", r.Label, r.Lists, r.Entities, r.Names)
	fmt.Fprintf(w, "  index build   %v\n", r.BuildTime.Round(time.Millisecond))
	fmt.Fprintf(w, "  memory        heap %.0f MB, RSS %.0f MB\n", float64(r.HeapAfter)/1e6, float64(r.RSS)/1e6)
	fmt.Fprintf(w, "  latency (1 goroutine)  p50 %v  p99 %v  max %v\n", r.P50.Round(time.Microsecond), r.P99.Round(time.Microsecond), r.Max.Round(time.Microsecond))
	fmt.Fprintf(w, "  allocations   %.0f allocs, %.0f bytes per screen\n", r.AllocsPerOp, r.BytesPerOp)
	fmt.Fprintf(w, "  throughput    %.0f screens/s on %d goroutines\n", r.Throughput, r.Workers)
}
