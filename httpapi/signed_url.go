package httpapi

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The kinds of object a signed URL names.
const (
	objectReport = "report"
	objectExport = "export"
)

// object is a stored file a signed URL gives access to: a run's report in
// a mode, or a KYC job's export.
type object struct {
	Tenant string
	Kind   string
	ID     string
	Mode   string
}

// signer makes and checks the tokens of signed URLs. A token is
// base64url(payload) "." base64url(HMAC-SHA256(key, payload)), the payload
// being "v1", tenant, kind, ID, mode and the expiry in Unix seconds joined
// by NUL bytes (which valid IDs never contain). The token is opaque to
// clients; altering any byte breaks the MAC.
type signer struct {
	key []byte
	ttl time.Duration
	now func() time.Time
}

const tokenVersion = "v1"

// sign returns the token of obj and when it expires.
func (s signer) sign(obj object) (string, time.Time) {
	exp := s.now().Add(s.ttl).Truncate(time.Second).UTC()
	payload := strings.Join([]string{tokenVersion, obj.Tenant, obj.Kind, obj.ID, obj.Mode, strconv.FormatInt(exp.Unix(), 10)}, "\x00")
	enc := base64.RawURLEncoding
	return enc.EncodeToString([]byte(payload)) + "." + enc.EncodeToString(s.mac([]byte(payload))), exp
}

// verify checks a token's MAC, then its expiry, and returns the object it
// names: ErrInvalidSignature for anything altered or malformed,
// ErrURLExpired for a genuine token past its expiry.
func (s signer) verify(token string) (object, error) {
	enc := base64.RawURLEncoding
	p64, m64, ok := strings.Cut(token, ".")
	if !ok {
		return object{}, ErrInvalidSignature
	}
	payload, err1 := enc.DecodeString(p64)
	mac, err2 := enc.DecodeString(m64)
	if err1 != nil || err2 != nil || !hmac.Equal(mac, s.mac(payload)) {
		return object{}, ErrInvalidSignature
	}
	f := strings.Split(string(payload), "\x00")
	if len(f) != 6 || f[0] != tokenVersion {
		return object{}, ErrInvalidSignature
	}
	exp, err := strconv.ParseInt(f[5], 10, 64)
	if err != nil {
		return object{}, ErrInvalidSignature
	}
	if !s.now().Before(time.Unix(exp, 0)) {
		return object{}, fmt.Errorf("%w at %s", ErrURLExpired, time.Unix(exp, 0).UTC().Format(time.RFC3339))
	}
	return object{Tenant: f[1], Kind: f[2], ID: f[3], Mode: f[4]}, nil
}

func (s signer) mac(payload []byte) []byte {
	m := hmac.New(sha256.New, s.key)
	m.Write(payload)
	return m.Sum(nil)
}
