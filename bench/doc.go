// Package bench measures Sieve: the accuracy evaluation harness behind
// `sieve eval` and the performance benchmarks behind `sieve bench` and
// `go test -bench . ./bench`.
//
// An evaluation set is JSON lines, one query per line:
//
//	{"id":"q1","name":"Vladimir Putin","type":"person","dob":"1952","country":"RU",
//	 "expect":["ofac-sdn:35096"],"tags":["reorder"]}
//
// A positive query (non-empty expect) counts as found when any expected
// entity scores at or above the threshold; other hits on a positive query
// are neutral. A negative query (expect: []) is a false positive when
// anything scores at or above the threshold.
package bench
