package bench

import (
	"context"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/sievekyc/sieve/engine"
	"github.com/sievekyc/sieve/lists"
)

// BenchmarkScreen measures one screen over all real lists with a workload
// of verbatim, typo'd and reordered listed names.
func BenchmarkScreen(b *testing.B) {
	e := realEngine(b)
	qs := Workload(realLists(b), 2000, 1)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := e.Screen(ctx, qs[i%len(qs)]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScreenParallel measures throughput on every core.
func BenchmarkScreenParallel(b *testing.B) {
	e := realEngine(b)
	qs := Workload(realLists(b), 2000, 1)
	ctx := context.Background()
	var n atomic.Int64
	b.ReportAllocs()
	b.SetParallelism(1)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := n.Add(1)
			if _, err := e.Screen(ctx, qs[int(i)%len(qs)]); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(runtime.GOMAXPROCS(0)), "goroutines")
}

// BenchmarkBuild measures index build time over all real lists.
func BenchmarkBuild(b *testing.B) {
	ls := realLists(b)
	b.ReportAllocs()
	for b.Loop() {
		e, _ := engine.New(engine.Options{})
		if err := e.Reload(context.Background(), ls...); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScreenSynthetic1M measures a screen over one million
// synthetic names recombined from the real lists' name parts. It is slow
// to set up (the index build is part of the budget: ≤ 60 s); run it with
// -bench Synthetic1M.
func BenchmarkScreenSynthetic1M(b *testing.B) {
	syn := Synthetic(realLists(b), 1_000_000, 1)
	e, _ := engine.New(engine.Options{})
	if err := e.Reload(context.Background(), syn); err != nil {
		b.Fatal(err)
	}
	qs := Workload([]*lists.List{syn}, 2000, 1)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := e.Screen(ctx, qs[i%len(qs)]); err != nil {
			b.Fatal(err)
		}
	}
}
