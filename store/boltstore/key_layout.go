package boltstore

import (
	"bytes"
	"encoding/binary"
	"time"

	"github.com/sievekyc/sieve/store"
	bolt "go.etcd.io/bbolt"
)

// The buckets of schema version 1. Composite keys join their parts with a
// NUL byte, which validated IDs never contain; times are 8 bytes that sort
// like the time (see appendTime).
var (
	// bucketMeta holds keySchemaVersion.
	bucketMeta = []byte("meta")
	// bucketTenants: tenant → JSON store.Tenant.
	bucketTenants = []byte("tenants")
	// bucketAPIKeys: key ID → JSON store.APIKey.
	bucketAPIKeys = []byte("api_keys")
	// bucketAPIKeyHashes: hash → key ID.
	bucketAPIKeyHashes = []byte("api_key_hashes")
	// bucketRuns: tenant\0id → JSON store.Run.
	bucketRuns = []byte("runs")
	// bucketRunsByTime: tenant\0 time(created) id → run summary (status
	// byte, template ID, \0, external ID), so listings filter without
	// decoding runs.
	bucketRunsByTime = []byte("runs_by_time")
	// bucketIdempotency: tenant\0key → JSON idempotencyRecord.
	bucketIdempotency = []byte("idempotency")
	// bucketIdempotencyByTime: time(recorded) tenant\0key → empty, to
	// delete expired keys.
	bucketIdempotencyByTime = []byte("idempotency_by_time")
	// bucketPending: time(created) tenant\0id → empty, for active runs.
	bucketPending = []byte("pending")
	// bucketAnalyses: tenant\0runID → JSON analysisRecord.
	bucketAnalyses = []byte("analyses")
	// bucketAnalysisBodies: tenant\0runID → the analysis body.
	bucketAnalysisBodies = []byte("analysis_bodies")
	// bucketReports: tenant\0runID\0mode → JSON reportRecord.
	bucketReports = []byte("reports")
	// bucketReportPDFs: tenant\0runID\0mode → the PDF.
	bucketReportPDFs = []byte("report_pdfs")
	// bucketReportsByTime: time(created) tenant\0runID\0mode → empty.
	bucketReportsByTime = []byte("reports_by_time")
	// bucketExports: tenant\0id → JSON store.ExportJob.
	bucketExports = []byte("exports")
	// bucketExportsByTime: time(created) tenant\0id → empty.
	bucketExportsByTime = []byte("exports_by_time")
)

// keySchemaVersion holds the schema version, 8 bytes big-endian.
var keySchemaVersion = []byte("schema_version")

// bucketsV1 are every bucket of schema version 1.
var bucketsV1 = [][]byte{
	bucketMeta, bucketTenants, bucketAPIKeys, bucketAPIKeyHashes,
	bucketRuns, bucketRunsByTime, bucketIdempotency, bucketIdempotencyByTime, bucketPending,
	bucketAnalyses, bucketAnalysisBodies,
	bucketReports, bucketReportPDFs, bucketReportsByTime,
	bucketExports, bucketExportsByTime,
}

// joinKey joins parts with NUL bytes.
func joinKey(parts ...string) []byte {
	n := len(parts)
	for _, p := range parts {
		n += len(p)
	}
	k := make([]byte, 0, n)
	for i, p := range parts {
		if i > 0 {
			k = append(k, 0)
		}
		k = append(k, p...)
	}
	return k
}

// appendTime appends t as 8 bytes whose byte order is t's order: Unix
// nanoseconds with the sign bit flipped, big-endian.
func appendTime(b []byte, t time.Time) []byte {
	return binary.BigEndian.AppendUint64(b, uint64(t.UnixNano())^(1<<63))
}

// readTime decodes 8 bytes written by appendTime.
func readTime(b []byte) time.Time {
	return time.Unix(0, int64(binary.BigEndian.Uint64(b)^(1<<63))).UTC()
}

// timedKey is time(t) followed by key: the key of a time index.
func timedKey(t time.Time, key []byte) []byte {
	return append(appendTime(make([]byte, 0, 8+len(key)), t), key...)
}

// runTimeKey is the bucketRunsByTime key of a run.
func runTimeKey(tenant string, created time.Time, id string) []byte {
	k := make([]byte, 0, len(tenant)+1+8+len(id))
	k = append(k, tenant...)
	k = append(k, 0)
	k = appendTime(k, created)
	return append(k, id...)
}

// runSummary is the bucketRunsByTime value of a run.
func runSummary(r store.Run) []byte {
	v := make([]byte, 0, 2+len(r.TemplateID)+len(r.ExternalID))
	v = append(v, byte(r.Status))
	v = append(v, r.TemplateID...)
	v = append(v, 0)
	return append(v, r.ExternalID...)
}

// summaryRun decodes a bucketRunsByTime entry of tenant into the fields
// ListFilter.Match reads, plus the ID.
func summaryRun(tenant string, k, v []byte) (store.Run, bool) {
	rest := k[len(tenant)+1:]
	if len(rest) < 8 || len(v) < 1 {
		return store.Run{}, false
	}
	template, external, ok := bytes.Cut(v[1:], []byte{0})
	if !ok {
		return store.Run{}, false
	}
	return store.Run{
		ID:         string(rest[8:]),
		Tenant:     tenant,
		Status:     store.RunStatus(v[0]),
		TemplateID: string(template),
		ExternalID: string(external),
		CreatedAt:  readTime(rest[:8]),
	}, true
}

// unixNano is time.Unix(0, n) in UTC.
func unixNano(n int64) time.Time { return time.Unix(0, n).UTC() }

// denseFill is the fill percent of buckets whose keys mostly arrive in
// order: the time indexes (keys start with the creation time) and the runs
// (typically read and rewritten soon after creation, near the end of their
// tenant's key range). bbolt's default of 0.5 leaves pages half empty under
// appends; measured on 20,000 runs created and completed, 0.9 makes the
// runs bucket's pages 52–64% full instead of 35–59% (sequential to random
// IDs). The idempotency bucket keeps the default: its keys are usually
// random and a high fill left its pages 40% full.
const denseFill = 0.9

// dense returns the bucket name of tx set to split its pages at denseFill.
// The setting lasts for the transaction.
func dense(tx *bolt.Tx, name []byte) *bolt.Bucket {
	b := tx.Bucket(name)
	b.FillPercent = denseFill
	return b
}
