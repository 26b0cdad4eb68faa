package fetch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
)

// downloaded is the outcome of one request.
type downloaded struct {
	notModified  bool
	path         string // the temporary file holding the body
	size         int64
	sha256       string
	etag         string
	lastModified string
}

// download GETs one file into path, conditionally when cond is set.
func (f *Fetcher) download(ctx context.Context, fs FileSpec, cond *fileState, path string) (downloaded, error) {
	var dl downloaded
	shown := redactURL(fs.URL)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, fs.URL, nil)
	if err != nil {
		return dl, fmt.Errorf("GET %s: %w", shown, err)
	}
	req.Header.Set("User-Agent", f.userAgent)
	if cond != nil {
		if cond.ETag != "" {
			req.Header.Set("If-None-Match", cond.ETag)
		}
		if cond.LastModified != "" {
			req.Header.Set("If-Modified-Since", cond.LastModified)
		}
	}
	resp, err := f.client.Do(req)
	if err != nil {
		if ue, ok := errors.AsType[*url.Error](err); ok {
			ue.URL = shown // a URL may carry a token
		}
		return dl, err
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotModified && cond != nil:
		dl.notModified = true
		return dl, nil
	case resp.StatusCode != http.StatusOK:
		return dl, &StatusError{URL: shown, StatusCode: resp.StatusCode, Status: resp.Status}
	}
	if resp.ContentLength > f.maxBytes {
		return dl, fmt.Errorf("GET %s: %w: Content-Length %d exceeds the limit of %d bytes",
			shown, ErrTooLarge, resp.ContentLength, f.maxBytes)
	}
	out, err := os.Create(path)
	if err != nil {
		return dl, err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(out, h), io.LimitReader(resp.Body, f.maxBytes+1))
	dl.size = n
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		return dl, fmt.Errorf("GET %s: %w after %d bytes: %w", shown, ErrTruncated, n, err)
	case err != nil:
		return dl, fmt.Errorf("GET %s: %w", shown, err)
	case n > f.maxBytes:
		return dl, fmt.Errorf("GET %s: %w: more than %d bytes", shown, ErrTooLarge, f.maxBytes)
	case resp.ContentLength >= 0 && n != resp.ContentLength:
		return dl, fmt.Errorf("GET %s: %w: %d of %d bytes", shown, ErrTruncated, n, resp.ContentLength)
	}
	dl.path = path
	dl.sha256 = hex.EncodeToString(h.Sum(nil))
	dl.etag = resp.Header.Get("ETag")
	dl.lastModified = resp.Header.Get("Last-Modified")
	return dl, nil
}
