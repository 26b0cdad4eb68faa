package main

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/sievekyc/sieve/engine"
	"github.com/sievekyc/sieve/engine/runner"
	"github.com/sievekyc/sieve/httpapi"
	"github.com/sievekyc/sieve/rules"
	"github.com/sievekyc/sieve/store/boltstore"
)

// signingKeyEnv names the environment variable that may hold the URL
// signing key when --signing-key-file is not given.
const signingKeyEnv = "SIEVE_SIGNING_KEY"

type serveFlags struct {
	addr            string
	data            string
	templates       string
	sandbox         bool
	custom          []string
	signingKeyFile  string
	baseURL         string
	urlTTL          time.Duration
	rate            int
	maxBody         int64
	workers         int
	shutdownTimeout time.Duration
	logFormat       string
}

func newServeCommand(g *globalFlags) *cobra.Command {
	f := &serveFlags{}
	cmd := &cobra.Command{
		Use:   "serve --data FILE [--addr HOST:PORT] [--templates DIR] [--sandbox]",
		Short: "Serve the HTTP API: bureau runs, KYC screening and exports",
		Long: `Serve the HTTP adapters (package httpapi) over the loaded lists, the
templates of --templates DIR (every *.yaml and *.yml file in it; without
the flag no template is loaded and run creation answers template_not_found)
and the store file --data FILE, which also holds the API keys (create them
with ` + "`sieve keys create`" + ` before starting the server: one process at a time
opens the store).

Custom sources (a bureau the host calls from Go) cannot be registered from
the command line: feed them a fixed result with --custom-result NAME=FILE,
or run with --sandbox, where screenings and unfed custom sources return
deterministic simulated results (see the runner docs) and runs say live=false.

Signed download URLs are HMAC-signed with the key in --signing-key-file
(at least 32 bytes), else $` + signingKeyEnv + `, else a random key made at
start-up (URLs handed out then stop working at the next start).

SIGINT or SIGTERM stop the server gracefully: it stops accepting
connections, lets requests in flight finish (long polls are released after
a few seconds), then waits up to --shutdown-timeout for runs in flight;
runs still queued or running stay in the store and resume at the next start.`,
		Example: `  sieve keys create --data sieve.db --tenant acme --scopes runs:write,runs:read,kyc:write,kyc:export
  sieve serve --data sieve.db --templates testdata/templates --sandbox`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return serve(cmd, g, f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.addr, "addr", "127.0.0.1:8080", "listen on `HOST:PORT` (port 0 picks a free one)")
	fl.StringVar(&f.data, "data", "", "store `FILE` (runs, reports, exports, tenants and keys)")
	fl.StringVar(&f.templates, "templates", "", "load the templates in `DIR` (default: none)")
	fl.BoolVar(&f.sandbox, "sandbox", false, "simulate screening and unfed custom sources deterministically")
	fl.StringArrayVar(&f.custom, "custom-result", nil, "feed custom source `NAME=FILE` from a JSON source result")
	fl.StringVar(&f.signingKeyFile, "signing-key-file", "", "HMAC key `FILE` for signed URLs (default: $"+signingKeyEnv+", else random)")
	fl.StringVar(&f.baseURL, "base-url", "", "absolute `URL` clients reach the server at, for signed URLs (default: each request's host)")
	fl.DurationVar(&f.urlTTL, "url-ttl", httpapi.DefaultURLTTL, "how long signed URLs stay valid")
	fl.IntVar(&f.rate, "rate", httpapi.DefaultRatePerMinute, "requests per minute of a key that sets no rate of its own")
	fl.Int64Var(&f.maxBody, "max-body", httpapi.DefaultMaxBodyBytes, "largest request body in `BYTES`")
	fl.IntVar(&f.workers, "workers", 8, "runs executed at once")
	fl.DurationVar(&f.shutdownTimeout, "shutdown-timeout", 30*time.Second, "how long to wait for requests and runs in flight when stopping")
	fl.StringVar(&f.logFormat, "log-format", "text", "request log format on stderr: text or json")
	_ = cmd.MarkFlagRequired("data")
	return cmd
}

func serve(cmd *cobra.Command, g *globalFlags, f *serveFlags) error {
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	logger, err := newLogger(f.logFormat)
	if err != nil {
		return err
	}
	key, err := signingKey(g, f.signingKeyFile)
	if err != nil {
		return err
	}
	custom, err := customResults(f.custom)
	if err != nil {
		return err
	}
	ts, err := loadTemplates(g, f.templates)
	if err != nil {
		return err
	}
	eng, _, err := g.newEngine(ctx, engine.Options{Logger: logger})
	if err != nil {
		return err
	}
	st, err := boltstore.Open(f.data, boltstore.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	r, err := runner.New(eng, st, ts, runner.Options{Workers: f.workers, Sandbox: f.sandbox, Custom: custom, Logger: logger})
	if errors.Is(err, runner.ErrUnknownCustomSource) {
		return fmt.Errorf("%w; feed it with --custom-result NAME=FILE or run with --sandbox", err)
	}
	if err != nil {
		return err
	}
	if err := r.Start(ctx); err != nil {
		return err
	}
	h, err := httpapi.NewHandler(eng, r, st, httpapi.Options{SigningKey: key, URLTTL: f.urlTTL, BaseURL: f.baseURL,
		MaxBodyBytes: f.maxBody, RateLimit: f.rate, Logger: logger})
	if err != nil {
		_ = r.Close(context.Background())
		return err
	}
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		_ = r.Close(context.Background())
		return err
	}
	// Requests are bound to base: cancelling it releases long polls when
	// the server stops.
	base, releaseRequests := context.WithCancel(context.Background())
	defer releaseRequests()
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      6 * time.Minute, // a long poll may wait 300 s
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		BaseContext:       func(net.Listener) context.Context { return base },
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	mode := "live"
	if f.sandbox {
		mode = "sandbox"
	}
	g.notice("sieve: serving %s mode on http://%s (%d templates, store %s)", mode, ln.Addr(), len(ts.All()), f.data)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	select {
	case err := <-served:
		_ = r.Close(context.Background())
		return fmt.Errorf("serving: %w", err)
	case <-ctx.Done():
	}
	g.notice("sieve: stopping: finishing requests and runs in flight")
	sctx, cancel := context.WithTimeout(context.Background(), f.shutdownTimeout)
	defer cancel()
	release := time.AfterFunc(min(5*time.Second, f.shutdownTimeout/2), releaseRequests)
	defer release.Stop()
	var errs []error
	if err := srv.Shutdown(sctx); err != nil {
		errs = append(errs, fmt.Errorf("stopping the server: %w", err))
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		errs = append(errs, err)
	}
	if err := r.Close(sctx); err != nil {
		// Runs still in flight stay queued or running in the store and
		// resume at the next start: nothing is lost.
		g.notice("sieve: runs still in flight will resume at the next start (%v)", err)
	}
	if err := st.Close(); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	g.notice("sieve: stopped")
	return nil
}

// newLogger returns the request logger on stderr.
func newLogger(format string) (*slog.Logger, error) {
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(os.Stderr, nil)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(os.Stderr, nil)), nil
	}
	return nil, fmt.Errorf("--log-format %q: want text or json", format)
}

// signingKey reads the URL signing key: --signing-key-file, else the
// environment, else a random key (with a notice).
func signingKey(g *globalFlags, path string) ([]byte, error) {
	var key []byte
	switch {
	case path != "":
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		key = []byte(strings.TrimSpace(string(b)))
	case os.Getenv(signingKeyEnv) != "":
		key = []byte(os.Getenv(signingKeyEnv))
	default:
		key = make([]byte, 32)
		_, _ = rand.Read(key)
		g.notice("sieve: no --signing-key-file or $%s: signing URLs with a random key (they stop working at the next start)", signingKeyEnv)
		return key, nil
	}
	if len(key) < httpapi.MinSigningKeyBytes {
		return nil, fmt.Errorf("the signing key has %d bytes, want at least %d", len(key), httpapi.MinSigningKeyBytes)
	}
	return key, nil
}

// loadTemplates loads every *.yaml and *.yml file in dir (not its
// subdirectories). Any template that fails to load stops the server.
func loadTemplates(g *globalFlags, dir string) (*runner.Templates, error) {
	if dir == "" {
		g.notice("sieve: no --templates DIR: no template is loaded, run creation answers template_not_found")
		return runner.NewTemplates()
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("--templates: %w", err)
	}
	var ts []*rules.Template
	var errs []error
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if e.IsDir() || !slices.Contains([]string{".yaml", ".yml"}, ext) {
			continue
		}
		t, err := rules.LoadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ts = append(ts, t)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if len(ts) == 0 {
		return nil, fmt.Errorf("--templates: no *.yaml or *.yml template in %s", dir)
	}
	return runner.NewTemplates(ts...)
}
