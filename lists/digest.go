package lists

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"io"
)

// digestReader hashes every byte read through it, so a parser can stream a
// file once and still record its SHA-256.
type digestReader struct {
	r io.Reader
	h hash.Hash
	n int64
}

func newDigestReader(r io.Reader) *digestReader {
	return &digestReader{r: r, h: sha256.New()}
}

func (d *digestReader) Read(p []byte) (int, error) {
	n, err := d.r.Read(p)
	d.h.Write(p[:n])
	d.n += int64(n)
	return n, err
}

// drain reads what the parser left unread (trailing bytes after the last
// record) so the digest covers the whole input.
func (d *digestReader) drain() error {
	_, err := io.Copy(io.Discard, d)
	return err
}

// sum returns the hex SHA-256 of all bytes read so far.
func (d *digestReader) sum() string { return hex.EncodeToString(d.h.Sum(nil)) }
