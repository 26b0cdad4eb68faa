package norm

import (
	"fmt"
	"syscall"
	"testing"
	"time"
)

func cpuNow() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestCPU(t *testing.T) {
	for _, bn := range benchNames {
		const N = 300000
		best := time.Hour
		for rep := 0; rep < 3; rep++ {
			s := cpuNow()
			for i := 0; i < N; i++ {
				Tokenize(bn.in)
			}
			if d := cpuNow() - s; d < best {
				best = d
			}
		}
		fmt.Printf("%-14s Tokenize cpu %v/op\n", bn.name, best/N)
	}
	for _, bn := range benchNames {
		const N = 300000
		s := cpuNow()
		for i := 0; i < N; i++ {
			Fold(bn.in)
		}
		fmt.Printf("%-14s Fold cpu %v/op\n", bn.name, (cpuNow()-s)/N)
	}
}
