package httpapi

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"time"

	"github.com/sievekyc/sieve/report"
	"github.com/sievekyc/sieve/report/pdf"
)

// Defaults of Options.
const (
	// DefaultURLTTL is how long a signed download URL stays valid.
	DefaultURLTTL = time.Hour
	// DefaultMaxBodyBytes bounds a request body (1 MiB).
	DefaultMaxBodyBytes = 1 << 20
	// DefaultRatePerMinute is a key's request budget per minute when
	// neither the key nor Options.RateLimit sets one.
	DefaultRatePerMinute = 600
	// DefaultBucket names the bucket of KYC exports in GET /exports answers.
	DefaultBucket = "sieve-exports"
	// MinSigningKeyBytes is the shortest HMAC key Options accepts.
	MinSigningKeyBytes = 32
)

// Options configure NewHandler. Zero values mean defaults, except
// SigningKey, which is required.
type Options struct {
	// SigningKey is the HMAC-SHA256 key of signed download URLs, at least
	// MinSigningKeyBytes long. URLs signed with one key do not verify
	// with another, so a host that restarts with a new key invalidates
	// every URL it handed out.
	SigningKey []byte `json:"-"`
	// URLTTL is how long a signed URL is valid (DefaultURLTTL).
	URLTTL time.Duration `json:"url_ttl"`
	// BaseURL is the absolute URL the server is reached at
	// ("https://sieve.example.com"), used to build presigned_url and
	// report redirects. Empty means the scheme and Host of each request.
	BaseURL string `json:"base_url,omitempty"`
	// MaxBodyBytes bounds request bodies (DefaultMaxBodyBytes); a larger
	// body is answered 413.
	MaxBodyBytes int64 `json:"max_body_bytes"`
	// RateLimit is the request budget per minute of a key whose
	// store.APIKey.RatePerMinute is zero (DefaultRatePerMinute).
	RateLimit int `json:"rate_limit"`
	// Bucket names the bucket of KYC exports (DefaultBucket).
	Bucket string `json:"bucket"`
	// Now is the clock (time.Now).
	Now func() time.Time `json:"-"`
	// NewID returns the ID of a new KYC job ("kyc_" + 24 random hex
	// digits).
	NewID func() string `json:"-"`
	// Render renders a report document as a PDF (pdf.Render).
	Render func(report.Document) ([]byte, error) `json:"-"`
	// Logger receives one line per request and the details of internal
	// errors; discarded when nil. Subjects are never logged.
	Logger *slog.Logger `json:"-"`
}

// Validate reports every problem with the options at once.
func (o Options) Validate() error {
	var errs []error
	if len(o.SigningKey) < MinSigningKeyBytes {
		errs = append(errs, fmt.Errorf("%w: signing key has %d bytes, want at least %d", ErrInvalidOptions, len(o.SigningKey), MinSigningKeyBytes))
	}
	if o.URLTTL < 0 {
		errs = append(errs, fmt.Errorf("%w: negative URL TTL %s", ErrInvalidOptions, o.URLTTL))
	}
	if o.MaxBodyBytes < 0 {
		errs = append(errs, fmt.Errorf("%w: negative max body bytes %d", ErrInvalidOptions, o.MaxBodyBytes))
	}
	if o.RateLimit < 0 {
		errs = append(errs, fmt.Errorf("%w: negative rate limit %d", ErrInvalidOptions, o.RateLimit))
	}
	if o.BaseURL != "" {
		u, err := url.Parse(o.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
			errs = append(errs, fmt.Errorf("%w: base URL must be an absolute http(s) URL without query", ErrInvalidOptions))
		}
	}
	return errors.Join(errs...)
}

// withDefaults fills in the zero fields.
func (o Options) withDefaults() Options {
	if o.URLTTL == 0 {
		o.URLTTL = DefaultURLTTL
	}
	if o.MaxBodyBytes == 0 {
		o.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if o.RateLimit == 0 {
		o.RateLimit = DefaultRatePerMinute
	}
	if o.Bucket == "" {
		o.Bucket = DefaultBucket
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.NewID == nil {
		o.NewID = func() string { return "kyc_" + randomHex(12) }
	}
	if o.Render == nil {
		o.Render = pdf.Render
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	for len(o.BaseURL) > 0 && o.BaseURL[len(o.BaseURL)-1] == '/' {
		o.BaseURL = o.BaseURL[:len(o.BaseURL)-1]
	}
	return o
}

// randomHex returns n random bytes in hex.
func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	return hex.EncodeToString(b)
}
