package httpapi

import (
	"math"
	"sync"
	"time"
)

// limiter is a token bucket per API key: a key earns perMinute/60 requests
// a second and may burst ten seconds' worth (at least one request).
type limiter struct {
	now func() time.Time

	mu      sync.Mutex
	buckets map[string]*bucket
}

// bucket is one key's tokens as of last.
type bucket struct {
	tokens float64
	last   time.Time
	// rate (tokens a second) and size are the key's budget as last seen.
	rate, size float64
}

// maxIdleBuckets bounds the buckets kept before full ones are dropped
// (a full bucket is the same as no bucket).
const maxIdleBuckets = 10000

func newLimiter(now func() time.Time) *limiter {
	return &limiter{now: now, buckets: map[string]*bucket{}}
}

// burst is the bucket size of a budget.
func burst(perMinute int) float64 { return math.Max(1, math.Ceil(float64(perMinute)/6)) }

// allow spends one token of key's bucket. When the bucket is empty it
// spends nothing and says how long until a token is earned.
func (l *limiter) allow(key string, perMinute int) (bool, time.Duration) {
	if perMinute <= 0 {
		return true, 0
	}
	rate := float64(perMinute) / 60 // tokens per second
	size := burst(perMinute)
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets[key]
	if !ok {
		if len(l.buckets) >= maxIdleBuckets {
			l.prune(now)
		}
		b = &bucket{tokens: size, last: now}
		l.buckets[key] = b
	}
	b.rate, b.size = rate, size // a key's budget may have changed
	if elapsed := now.Sub(b.last).Seconds(); elapsed > 0 {
		b.tokens = math.Min(size, b.tokens+elapsed*rate)
		b.last = now
	}
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	wait := time.Duration((1 - b.tokens) / rate * float64(time.Second))
	return false, max(wait, time.Millisecond)
}

// prune drops the buckets that have refilled completely.
func (l *limiter) prune(now time.Time) {
	for k, b := range l.buckets {
		if b.tokens+now.Sub(b.last).Seconds()*b.rate >= b.size {
			delete(l.buckets, k)
		}
	}
}
