package fetch

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"github.com/sievekyc/sieve/lists"
)

// DefaultMaxBytes is the size limit of one downloaded file when
// Options.MaxBytes is zero.
const DefaultMaxBytes = 256 << 20

// DefaultUserAgent is sent when Options.UserAgent is empty.
const DefaultUserAgent = "sieve-fetch/1 (+https://github.com/sievekyc/sieve)"

// Options configures a [Fetcher]. Zero values mean the defaults.
type Options struct {
	// Dir is the data directory (required). It is created if missing.
	Dir string `json:"dir"`
	// Sources are the lists to keep up to date; nil means [DefaultSpecs].
	Sources []Spec `json:"sources,omitempty"`
	// Client makes the requests; nil means a client with a 10-minute
	// timeout per request. It follows redirects.
	Client *http.Client `json:"-"`
	// MaxBytes limits each downloaded file; zero means [DefaultMaxBytes].
	MaxBytes int64 `json:"max_bytes,omitempty"`
	// UserAgent is the User-Agent header; empty means [DefaultUserAgent].
	UserAgent string `json:"user_agent,omitempty"`
	// Now is the clock for the state file and the report; nil means
	// time.Now.
	Now func() time.Time `json:"-"`
	// Logger receives one line per spec; nil discards.
	Logger *slog.Logger `json:"-"`
}

// Validate reports every problem of o at once, each wrapping
// [ErrInvalidOptions].
func (o Options) Validate() error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("fetch: %w: "+format, append([]any{ErrInvalidOptions}, args...)...))
	}
	if o.Dir == "" {
		bad("Dir is required")
	}
	if o.MaxBytes < 0 {
		bad("MaxBytes %d is negative", o.MaxBytes)
	}
	specs := o.Sources
	if specs == nil {
		specs = DefaultSpecs()
	}
	if len(specs) == 0 {
		bad("Sources is empty")
	}
	seen := make(map[string]bool)
	for i, s := range specs {
		where := fmt.Sprintf("Sources[%d] %q", i, s.Name)
		if !validName(s.Name) {
			bad("%s: Name must be letters, digits, '-', '_' or '.', not starting with '.'", where)
		} else if seen[s.Name] {
			bad("%s: Name is used twice", where)
		}
		seen[s.Name] = true
		if _, err := lists.ParseSource(string(s.Source)); err != nil || s.Source == "" {
			bad("%s: unknown Source %q", where, string(s.Source))
		}
		switch {
		case len(s.Files) == 0:
			bad("%s: no Files", where)
		case len(s.Files) > 4:
			bad("%s: %d Files; a list is at most 4 files (OFAC's CSV set)", where, len(s.Files))
		case len(s.Files) > 1 && s.Source != lists.SourceOFACSDN && s.Source != lists.SourceOFACCons:
			bad("%s: only an OFAC CSV set has several Files", where)
		}
		names := make(map[string]bool)
		for j, f := range s.Files {
			fw := fmt.Sprintf("%s Files[%d]", where, j)
			if !validName(f.Name) {
				bad("%s: Name %q must be a plain file name (letters, digits, '-', '_', '.'), not starting with '.'", fw, f.Name)
			} else if names[f.Name] {
				bad("%s: Name %q is used twice", fw, f.Name)
			}
			names[f.Name] = true
			u, err := url.Parse(f.URL)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				bad("%s: URL %q is not an http(s) URL", fw, redactURL(f.URL))
			}
		}
	}
	return errors.Join(errs...)
}

func validName(s string) bool {
	if s == "" || s[0] == '.' || len(s) > 128 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '_', c == '.':
		default:
			return false
		}
	}
	return true
}
