//go:build !linux

package bench

// residentSetSize is not measured on this platform.
func residentSetSize() uint64 { return 0 }
